// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/diagnostic.h"
#include "models/workspace/workspace.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QStringList>
#include <QUrl>

#include <functional>
#include <initializer_list>
#include <optional>
#include <yaml-cpp/yaml.h>

// Reading a YAML file against a schema, with diagnostics that say what was expected and where
// (file:line:column). Knows YAML, not the workspace: the schema lives in workspaceloader.cpp.
namespace OpsDeck {

// Where a node starts, 1-based; {0, 0} when yaml-cpp does not know.
SourceLocation yamlLocation(const YAML::Mark &mark);
// "a mapping", "a list", "nothing" or the scalar in quotes: for "expected X, found Y".
QString describeYamlNode(const YAML::Node &node);

// Collects diagnostics for one file.
class YamlDiagnostics final
{
    Q_DECLARE_TR_FUNCTIONS(YamlReader)

public:
    explicit YamlDiagnostics(QString fileName)
        : m_fileName(std::move(fileName))
    {
    }

    void error(SourceLocation where, const QString &message)
    {
        add(Diagnostic::Severity::Error, where, message);
    }
    void warning(SourceLocation where, const QString &message)
    {
        add(Diagnostic::Severity::Warning, where, message);
    }
    void error(const YAML::Node &node, const QString &message)
    {
        error(yamlLocation(node.Mark()), message);
    }

    Diagnostics takeDiagnostics() { return std::move(m_diagnostics); }

private:
    void add(Diagnostic::Severity severity, SourceLocation where, const QString &message)
    {
        m_diagnostics.append({severity, m_fileName, where.line, where.column, message});
    }

    QString m_fileName;
    Diagnostics m_diagnostics;
};

// Parses text into a document, or reports why it cannot (binary data, a tab in indentation, a
// syntax error said in the user's terms) and returns nothing. A byte order mark is skipped;
// duplicate keys anywhere in the document are reported but do not stop the reading.
std::optional<YAML::Node> readYamlDocument(const QByteArray &text, YamlDiagnostics &diagnostics);

// Reads one YAML mapping against a known set of keys: typed getters report what was expected
// and where; finish() warns about keys nobody asked for, with a "did you mean".
class YamlMapReader final
{
    Q_DECLARE_TR_FUNCTIONS(YamlReader)

public:
    YamlMapReader(YamlDiagnostics &reporter, const YAML::Node &node, QString context);
    // Value of a key, or an undefined node; remembers that the key is known.
    YAML::Node value(const char *key);
    std::optional<QString> text(const char *key, bool required = false);
    void readText(const char *key, QString &target, bool required = false);
    void readInteger(const char *key, int &target, int minimum, int maximum);
    bool readNumber(const char *key, double &target, bool required);
    // Reads a key whose value must be one of a fixed set of words.
    template<typename Enum>
    void readChoice(const char *key, Enum &target,
                    const std::initializer_list<std::pair<const char *, Enum>> &choices)
    {
        const std::optional<QString> word = text(key);
        if (!word)
            return;
        QStringList names;
        for (const auto &[name, choice] : choices) {
            if (*word == QLatin1String(name)) {
                target = choice;
                return;
            }
            names.append(QLatin1String(name));
        }
        m_reporter.error(value(key), tr("'%1' must be one of %2; found '%3'")
                                         .arg(QLatin1String(key), names.join(u", "), *word));
    }
    void readUrl(const char *key, QUrl &target);
    void readStringList(const char *key, QStringList &target);
    // Secrets are only ever named, never written: "keychain:<entry>".
    void readSecret(const char *key, SecretReference &target);
    // "0", "30m", "1h", "2d" -> minutes.
    void readDuration(const char *key, int &minutes);
    // "30" or "30s", "5m", "1h" -> seconds, from minimum to maximum seconds (a poll interval).
    void readInterval(const char *key, int &seconds, int minimum, int maximum);
    // A URL of one of schemes, with a host ("rediss://cache:6380", "postgres://db:5432").
    void readUrlOfScheme(const char *key, QUrl &target, const QStringList &schemes);
    // Calls read(item, index) for every mapping in a list under key.
    void readList(const char *key, const QString &itemName,
                  const std::function<void(const YAML::Node &)> &read);
    void setContext(QString context) { m_context = std::move(context); }
    // Warns about keys that were never asked for, with the closest known key as a hint.
    void finish();

private:
    void missing(const char *key, const YAML::Node &node);
    YamlDiagnostics &m_reporter;
    YAML::Node m_node;
    QString m_context;
    QStringList m_known;
};

} // namespace OpsDeck
