# Writes OUT, a C++ source defining newslint::BuiltinLexicon(name), from FILES
# (rules/lexicons/*.txt). Run by the build; see rules/lexicons/lexicon.h.
set(body "// Generated from rules/lexicons/*.txt by embed.cmake. Do not edit.\n")
string(APPEND body "#include \"rules/lexicons/lexicon.h\"\n\nnamespace newslint {\n")
string(APPEND body "std::string_view BuiltinLexicon(std::string_view name) {\n")
foreach(f IN LISTS FILES)
  get_filename_component(name ${f} NAME_WE)
  file(READ ${f} content)
  string(APPEND body "  if (name == \"${name}\") return R\"newslint_lexicon(${content})newslint_lexicon\";\n")
endforeach()
string(APPEND body "  return {};\n}\n}  // namespace newslint\n")
file(WRITE ${OUT}.tmp "${body}")
file(COPY_FILE ${OUT}.tmp ${OUT} ONLY_IF_DIFFERENT)
