#include "lint/config.h"

#include <filesystem>
#include <set>
#include <sstream>
#include <toml.hpp>

namespace newslint {
namespace {

namespace fs = std::filesystem;

std::string Where(const std::string& path, const toml::value& v) {
  const auto loc = v.location();
  std::ostringstream out;
  out << path;
  if (loc.line() > 0) out << ":" << loc.line();
  return out.str();
}

bool ReadStringList(const std::string& path, const toml::value& v, const std::string& key,
                    std::vector<std::string>* out, std::string* error) {
  if (v.is_string()) {
    out->push_back(v.as_string().str);
    return true;
  }
  if (!v.is_array()) {
    *error = Where(path, v) + ": '" + key + "' must be a list of strings";
    return false;
  }
  for (const toml::value& item : v.as_array()) {
    if (!item.is_string()) {
      *error = Where(path, item) + ": '" + key + "' must be a list of strings";
      return false;
    }
    out->push_back(item.as_string().str);
  }
  return true;
}

bool ReadOption(const std::string& path, const std::string& rule, const OptionInfo& info,
                const toml::value& v, OptionValue* out, std::string* error) {
  std::string_view type = info.type;
  if (type == "bool" && v.is_boolean()) {
    *out = v.as_boolean();
  } else if (type == "int" && v.is_integer()) {
    *out = static_cast<int64_t>(v.as_integer());
  } else if (type == "float" && v.is_floating()) {
    *out = v.as_floating();
  } else if (type == "float" && v.is_integer()) {
    *out = static_cast<double>(v.as_integer());
  } else if (type == "string" && v.is_string()) {
    *out = v.as_string().str;
  } else if (type == "list") {
    std::vector<std::string> list;
    if (!ReadStringList(path, v, std::string(info.name), &list, error)) return false;
    *out = std::move(list);
  } else {
    *error = Where(path, v) + ": option '" + std::string(info.name) + "' of " + rule +
             " must be of type " + std::string(type);
    return false;
  }
  return true;
}

bool ParseConfigFile(const std::string& path, toml::value* root, std::string* error) {
  try {
    *root = toml::parse(path);
  } catch (const std::exception& e) {
    std::string what = e.what();
    // toml11 reports multi-line diagnostics; keep the first line.
    *error = "cannot read config " + path + ": " + what.substr(0, what.find('\n'));
    return false;
  }
  return true;
}

// [lint] packs, resolved against the config file's folder.
bool ReadPacks(const std::string& path, const toml::value& v, std::vector<std::string>* out,
               std::string* error) {
  std::vector<std::string> names;
  if (!ReadStringList(path, v, "packs", &names, error)) return false;
  const fs::path dir = fs::path(path).parent_path();
  for (const std::string& name : names) {
    fs::path p(name);
    out->push_back(p.is_absolute() || dir.empty() ? p.string() : (dir / p).string());
  }
  return true;
}

// [links]: blocklists (files or folders that must exist), resolved against
// the config file's folder.
bool ReadLinks(const std::string& path, const toml::value& value, std::vector<std::string>* out,
               std::string* error) {
  if (!value.is_table()) {
    *error = Where(path, value) + ": [links] must be a table";
    return false;
  }
  const fs::path dir = fs::path(path).parent_path();
  for (const auto& [key, v] : value.as_table()) {
    if (key != "blocklists") {
      *error = Where(path, v) + ": unknown key '" + key + "' in [links]";
      return false;
    }
    if (!v.is_array()) {
      *error = Where(path, v) + ": 'blocklists' must be a list of strings";
      return false;
    }
    std::vector<std::string> names;
    if (!ReadStringList(path, v, key, &names, error)) return false;
    for (const std::string& name : names) {
      fs::path p(name);
      fs::path resolved = p.is_absolute() || dir.empty() ? p : dir / p;
      std::error_code ec;
      if (name.empty() || !fs::exists(resolved, ec)) {
        *error = Where(path, v) + ": blocklist '" + name + "' not found (looked for " +
                 resolved.string() + ")";
        return false;
      }
      out->push_back(resolved.string());
    }
  }
  return true;
}

// [budgets]: "rule-or-family" = share, each a known rule id or family and a
// number in [0, 1].
bool ReadBudgets(const std::string& path, const toml::value& value,
                 const std::vector<const RuleInfo*>& known, std::map<std::string, double>* out,
                 std::string* error) {
  if (!value.is_table()) {
    *error = Where(path, value) + ": [budgets] must be a table of \"rule-or-family\" = share";
    return false;
  }
  for (const auto& [id, v] : value.as_table()) {
    bool is_known = false;
    for (const RuleInfo* k : known) {
      if (k->id == id || (id.find('/') == std::string::npos && k->family() == id)) is_known = true;
    }
    if (!is_known) {
      *error = Where(path, v) + ": unknown rule or family '" + id +
               "' in [budgets] (see `newslint rules`)";
      return false;
    }
    double share = -1;
    if (v.is_floating()) share = v.as_floating();
    if (v.is_integer()) share = static_cast<double>(v.as_integer());
    if (!(share >= 0 && share <= 1)) {  // also false for NaN and non-numbers
      *error = Where(path, v) + ": budget of '" + id +
               "' must be a share of articles from 0 to 1 (0.02 allows 2%)";
      return false;
    }
    (*out)[id] = share;
  }
  return true;
}

}  // namespace

bool ReadConfigPacks(const std::string& path, std::vector<std::string>* packs,
                     std::string* error) {
  toml::value root;
  if (!ParseConfigFile(path, &root, error)) return false;
  if (!root.is_table()) return true;
  const auto& table = root.as_table();
  auto lint = table.find("lint");
  if (lint == table.end() || !lint->second.is_table()) return true;  // LoadConfig reports it
  const auto& lint_table = lint->second.as_table();
  auto it = lint_table.find("packs");
  if (it == lint_table.end()) return true;
  return ReadPacks(path, it->second, packs, error);
}

std::string FindConfigFile(const std::string& start_dir) {
  std::error_code ec;
  fs::path dir = fs::absolute(start_dir, ec);
  if (ec) return "";
  while (true) {
    fs::path candidate = dir / "newslint.toml";
    if (fs::is_regular_file(candidate, ec)) return candidate.string();
    if (!dir.has_parent_path() || dir.parent_path() == dir) return "";
    dir = dir.parent_path();
  }
}

bool LoadConfig(const std::string& path, const std::vector<const RuleInfo*>& known,
                Config* config, std::string* error) {
  toml::value root;
  if (!ParseConfigFile(path, &root, error)) return false;
  config->path = path;
  for (const auto& [key, value] : root.as_table()) {
    if (key == "lint") {
      if (!value.is_table()) {
        *error = Where(path, value) + ": [lint] must be a table";
        return false;
      }
      for (const auto& [lkey, lvalue] : value.as_table()) {
        if (lkey == "select") {
          if (!ReadStringList(path, lvalue, lkey, &config->select, error)) return false;
        } else if (lkey == "ignore") {
          if (!ReadStringList(path, lvalue, lkey, &config->ignore, error)) return false;
        } else if (lkey == "packs") {
          if (!ReadPacks(path, lvalue, &config->packs, error)) return false;
        } else if (lkey == "fail-on") {
          static const std::set<std::string> kLevels = {"error", "warning", "info", "never"};
          if (!lvalue.is_string() || !kLevels.count(lvalue.as_string().str)) {
            *error = Where(path, lvalue) + ": fail-on must be one of error, warning, info, never";
            return false;
          }
          config->fail_on = lvalue.as_string().str;
        } else if (lkey == "language") {
          if (!lvalue.is_string()) {
            *error = Where(path, lvalue) + ": language must be a string, e.g. \"en\"";
            return false;
          }
          config->language = lvalue.as_string().str;
        } else {
          *error = Where(path, lvalue) + ": unknown key '" + lkey + "' in [lint]";
          return false;
        }
      }
    } else if (key == "rules") {
      if (!value.is_table()) {
        *error = Where(path, value) + ": [rules] must be a table";
        return false;
      }
      for (const auto& [id, table] : value.as_table()) {
        const RuleInfo* info = nullptr;
        for (const RuleInfo* k : known) {
          if (k->id == id) info = k;
        }
        if (!info) {
          *error = Where(path, table) + ": unknown rule '" + id + "' (see `newslint rules`)";
          return false;
        }
        if (!table.is_table()) {
          *error = Where(path, table) + ": [rules.\"" + id + "\"] must be a table";
          return false;
        }
        RuleConfig rc;
        for (const auto& [okey, ovalue] : table.as_table()) {
          if (okey == "severity") {
            auto sev = ovalue.is_string() ? ParseSeverity(ovalue.as_string().str) : std::nullopt;
            if (!sev) {
              *error = Where(path, ovalue) + ": severity of " + id + " must be error, warning or info";
              return false;
            }
            rc.severity = sev;
          } else if (okey == "enabled") {
            if (!ovalue.is_boolean()) {
              *error = Where(path, ovalue) + ": enabled of " + id + " must be true or false";
              return false;
            }
            rc.enabled = ovalue.as_boolean();
          } else {
            const OptionInfo* opt = nullptr;
            for (const OptionInfo& o : info->options) {
              if (o.name == okey) opt = &o;
            }
            if (!opt) {
              *error = Where(path, ovalue) + ": rule " + id + " has no option '" + okey + "'";
              return false;
            }
            OptionValue parsed;
            if (!ReadOption(path, id, *opt, ovalue, &parsed, error)) return false;
            rc.options.emplace(okey, std::move(parsed));
          }
        }
        config->rules[id] = std::move(rc);
      }
    } else if (key == "links") {
      if (!ReadLinks(path, value, &config->link_blocklists, error)) return false;
    } else if (key == "budgets") {
      if (!ReadBudgets(path, value, known, &config->budgets, error)) return false;
    } else {
      *error = Where(path, value) + ": unknown table or key '" + key + "'";
      return false;
    }
  }
  if (!config->language.empty()) {
    // metadata/language reads the expected language as its option "expected";
    // [rules."metadata/language"] expected, when given too, wins.
    config->rules["metadata/language"].options.try_emplace("expected", config->language);
  }
  if (!config->link_blocklists.empty()) {
    // The rule reads its lists as an option; [rules."links/blocklisted-domain"]
    // blocklists, when given too, come first.
    OptionValue& option = config->rules["links/blocklisted-domain"].options["blocklists"];
    if (!std::holds_alternative<std::vector<std::string>>(option)) option = std::vector<std::string>();
    auto& list = std::get<std::vector<std::string>>(option);
    list.insert(list.end(), config->link_blocklists.begin(), config->link_blocklists.end());
  }
  return true;
}

}  // namespace newslint
