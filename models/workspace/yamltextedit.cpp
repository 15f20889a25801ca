// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/workspace/yamltextedit.h"

#include <QCoreApplication>

#include <yaml-cpp/yaml.h>

namespace OpsDeck::YamlTextEdit {

namespace {

// The translation context of the editor's error texts.
class Text
{
    Q_DECLARE_TR_FUNCTIONS(YamlTextEdit)
};

// Byte-level view of the text's lines; positions are yaml-cpp's Mark::pos.
class Lines
{
public:
    explicit Lines(const QByteArray &text)
        : m_text(text)
    {
    }

    qsizetype lineStart(qsizetype position) const
    {
        const qsizetype newline = position > 0 ? m_text.lastIndexOf('\n', position - 1) : -1;
        return newline + 1;
    }
    // Index of the line's '\n' (or the end of the text).
    qsizetype lineBreak(qsizetype position) const
    {
        const qsizetype newline = m_text.indexOf('\n', position);
        return newline < 0 ? m_text.size() : newline;
    }
    // End of the line's content, before any '\r'.
    qsizetype lineEnd(qsizetype position) const
    {
        qsizetype end = lineBreak(position);
        if (end > 0 && m_text[end - 1] == '\r')
            --end;
        return end;
    }
    int indentation(qsizetype start) const
    {
        int count = 0;
        while (start + count < m_text.size() && m_text[start + count] == ' ')
            ++count;
        return count;
    }
    bool isBlankOrComment(qsizetype start) const
    {
        const qsizetype first = start + indentation(start);
        return first >= lineEnd(start) || m_text[first] == '#';
    }
    // Start of the next line, or -1 at the end of the text.
    qsizetype nextLine(qsizetype start) const
    {
        const qsizetype newline = m_text.indexOf('\n', start);
        return newline < 0 ? -1 : newline + 1;
    }

    // Where the block that starts on the line of `position` ends: the end (after its line
    // break) of the last content line whose indentation keeps it inside the block. Trailing
    // comments and blank lines stay with what follows.
    template<typename Belongs>
    qsizetype blockEnd(qsizetype position, Belongs belongs) const
    {
        qsizetype lastContentBreak = lineBreak(position);
        for (qsizetype line = nextLine(lineStart(position)); line >= 0 && line < m_text.size();
             line = nextLine(line)) {
            if (isBlankOrComment(line))
                continue;
            if (!belongs(indentation(line), m_text[line + indentation(line)]))
                break;
            lastContentBreak = lineBreak(line);
        }
        return lastContentBreak;
    }

    // End of the scalar that starts at position when it is on one line; -1 for multi-line and
    // block scalars, which we do not edit.
    qsizetype scalarEnd(qsizetype position) const
    {
        if (position >= m_text.size())
            return position; // an empty value at the very end of the text
        const char first = m_text[position];
        const qsizetype end = lineEnd(position);
        if (first == '|' || first == '>')
            return -1;
        if (first == '\'' || first == '"') {
            for (qsizetype i = position + 1; i < end; ++i) {
                if (first == '"' && m_text[i] == '\\') {
                    ++i;
                } else if (m_text[i] == first) {
                    if (first == '\'' && i + 1 < end && m_text[i + 1] == '\'') {
                        ++i; // '' is an escaped quote
                        continue;
                    }
                    return i + 1;
                }
            }
            return -1;
        }
        qsizetype stop = end;
        for (qsizetype i = position; i + 1 < end; ++i) {
            if ((m_text[i] == ' ' || m_text[i] == '\t') && m_text[i + 1] == '#') {
                stop = i;
                break;
            }
        }
        while (stop > position && (m_text[stop - 1] == ' ' || m_text[stop - 1] == '\t'))
            --stop;
        return stop;
    }

    // One past the bracket that closes the flow collection opening at position, or -1.
    qsizetype flowEnd(qsizetype position) const
    {
        int depth = 0;
        char quote = 0;
        for (qsizetype i = position; i < m_text.size(); ++i) {
            const char c = m_text[i];
            if (quote) {
                if (quote == '"' && c == '\\')
                    ++i;
                else if (c == quote)
                    quote = 0;
                continue;
            }
            if (c == '"' || c == '\'')
                quote = c;
            else if (c == '[' || c == '{')
                ++depth;
            else if ((c == ']' || c == '}') && --depth == 0)
                return i + 1;
        }
        return -1;
    }

    // Position of the ':' that ends the key starting at keyPosition.
    qsizetype colonAfterKey(qsizetype keyPosition, qsizetype keyEnd) const
    {
        return m_text.indexOf(':', keyEnd >= 0 ? keyEnd : keyPosition);
    }

    QByteArray lineBreakStyle() const { return m_text.contains("\r\n") ? "\r\n" : "\n"; }

private:
    const QByteArray &m_text;
};

int lineNumber(const YAML::Node &node)
{
    return node.Mark().line + 1;
}

struct Found {
    YAML::Node parent;     // the mapping that holds (or should hold) the key
    bool keyFound = false; // a default YAML::Node is a null node, not "none": keep a flag
    YAML::Node key;
    YAML::Node value;
    QString error;
};

// Walks all but the last element of path; the last must be a key of a mapping.
Found locate(const YAML::Node &root, const Path &path)
{
    Found found;
    YAML::Node current = root;
    for (qsizetype i = 0; i + 1 < path.size(); ++i) {
        if (const auto *index = std::get_if<int>(&path[i])) {
            if (!current.IsSequence() || *index < 0 || std::size_t(*index) >= current.size()) {
                found.error = Text::tr("the list entry to edit no longer exists");
                return found;
            }
            current = current[std::size_t(*index)];
        } else {
            const std::string key = std::get<QString>(path[i]).toStdString();
            if (!current.IsMap() || !current[key]) {
                found.error = Text::tr("the key '%1' to edit no longer exists")
                                  .arg(std::get<QString>(path[i]));
                return found;
            }
            current = current[key];
        }
    }
    if (!current.IsMap() || current.Style() == YAML::EmitterStyle::Flow) {
        found.error = Text::tr("line %1 is not a block mapping that can be edited in place")
                          .arg(lineNumber(current));
        return found;
    }
    found.parent = current;
    const std::string lastKey = std::get<QString>(path.back()).toStdString();
    for (auto it = current.begin(); it != current.end(); ++it) {
        if (it->first.IsScalar() && it->first.Scalar() == lastKey) {
            found.keyFound = true;
            found.key = it->first;
            found.value = it->second;
            break;
        }
    }
    return found;
}

Found parseAndLocate(const QByteArray &text, const Path &path)
{
    try {
        return locate(YAML::Load(text.toStdString()), path);
    } catch (const YAML::Exception &exception) {
        Found found;
        found.error = Text::tr("the file cannot be parsed at line %1: %2")
                          .arg(exception.mark.line + 1)
                          .arg(QString::fromStdString(exception.msg));
        return found;
    }
}

qsizetype keyEnd(const QByteArray &text, const YAML::Node &key)
{
    const qsizetype start = key.Mark().pos;
    const char first = text[start];
    if (first == '"' || first == '\'')
        return Lines(text).scalarEnd(start);
    return start + qsizetype(key.Scalar().size());
}

// Where a new key of the mapping goes: after the last key whose value fits on its line, so it
// joins the simple settings rather than trailing after nested lists; else after the mapping's
// last content line.
QByteArray insertKeyLine(const QByteArray &text, const YAML::Node &mapping, const QString &key,
                         const QByteArray &rest)
{
    const Lines lines(text);
    const int column = mapping.Mark().column;
    qsizetype end = -1;
    for (auto it = mapping.begin(); it != mapping.end(); ++it) {
        const YAML::Node value = it->second; // a copy: `it->` returns a short-lived proxy
        if (value.IsNull()) {
            end = lines.lineBreak(it->first.Mark().pos);
        } else if (value.IsScalar()) {
            const qsizetype scalarEnd = lines.scalarEnd(value.Mark().pos);
            if (scalarEnd >= 0)
                end = lines.lineBreak(scalarEnd);
        } else if (value.Style() == YAML::EmitterStyle::Flow) {
            const qsizetype flowEnd = lines.flowEnd(value.Mark().pos);
            if (flowEnd >= 0)
                end = lines.lineBreak(flowEnd);
        }
    }
    if (end < 0)
        end = lines.blockEnd(mapping.Mark().pos,
                             [column](int indent, char) { return indent >= column; });
    const QByteArray eol = lines.lineBreakStyle();
    QByteArray line = QByteArray(column, ' ') + key.toUtf8() + ':' + rest;
    QByteArray result = text;
    if (end == text.size()) {
        if (!text.isEmpty() && !text.endsWith('\n'))
            line.prepend(eol);
        return result + line + eol;
    }
    // end is at a '\n': insert right after it.
    return result.insert(end + 1, line + eol);
}

Result fail(const QString &error)
{
    return {{}, error};
}

QString emitted(const YAML::Node &node)
{
    YAML::Emitter emitter;
    emitter << node;
    return QString::fromStdString(emitter.c_str());
}

} // namespace

Result setValue(const QByteArray &text, const Path &path, const QString &valueYaml)
{
    if (path.isEmpty() || !std::holds_alternative<QString>(path.back()))
        return fail(Text::tr("the path must end with a key"));
    const Found found = parseAndLocate(text, path);
    if (!found.error.isEmpty())
        return fail(found.error);

    const QByteArray value = valueYaml.toUtf8();
    const Lines lines(text);
    QByteArray result = text;
    if (!found.keyFound) {
        result = insertKeyLine(text, found.parent, std::get<QString>(path.back()), ' ' + value);
    } else {
        const qsizetype colon = lines.colonAfterKey(found.key.Mark().pos, keyEnd(text, found.key));
        const YAML::Node &old = found.value;
        if (old.IsNull()) {
            result.insert(colon + 1, ' ' + value);
        } else if (old.Style() == YAML::EmitterStyle::Flow && !old.IsScalar()) {
            const qsizetype end = lines.flowEnd(old.Mark().pos);
            if (end < 0)
                return fail(
                    Text::tr("cannot find the end of the list at line %1").arg(lineNumber(old)));
            result.replace(old.Mark().pos, end - old.Mark().pos, value);
        } else if (old.IsScalar()) {
            const qsizetype end = lines.scalarEnd(old.Mark().pos);
            if (end < 0)
                return fail(Text::tr("the value at line %1 spans several lines; edit it in the "
                                     "file itself")
                                .arg(lineNumber(old)));
            result.replace(old.Mark().pos, end - old.Mark().pos, value);
        } else {
            // A block list or mapping under the key: replace all of its lines.
            const int keyColumn = found.key.Mark().column;
            const bool compactList = old.IsSequence() && old.Mark().column == keyColumn;
            const qsizetype end = lines.blockEnd(colon, [&](int indent, char first) {
                return indent > keyColumn || (compactList && indent == keyColumn && first == '-');
            });
            result.replace(colon + 1, end - (colon + 1), QByteArray(' ' + value));
        }
    }

    // Read the result back: the edit must have produced exactly the value asked for.
    try {
        const Found check = locate(YAML::Load(result.toStdString()), path);
        if (!check.error.isEmpty() || !check.keyFound ||
            emitted(check.value) != emitted(YAML::Load(value.toStdString())))
            return fail(
                Text::tr("the edit of line %1 could not be made without changing other "
                         "lines; edit the file itself")
                    .arg(found.keyFound ? lineNumber(found.key) : lineNumber(found.parent)));
    } catch (const YAML::Exception &) {
        return fail(Text::tr("the new value '%1' is not valid YAML here").arg(valueYaml));
    }
    return {result, {}};
}

Result appendMapping(const QByteArray &text, const Path &listPath,
                     const QList<QPair<QString, QString>> &entries)
{
    if (listPath.isEmpty() || !std::holds_alternative<QString>(listPath.back()) ||
        entries.isEmpty())
        return fail(Text::tr("the path must end with a key and the entry must not be empty"));
    const Found found = parseAndLocate(text, listPath);
    if (!found.error.isEmpty())
        return fail(found.error);

    const Lines lines(text);
    const QByteArray eol = lines.lineBreakStyle();
    const auto itemLines = [&](int column) {
        QByteArray block;
        for (qsizetype i = 0; i < entries.size(); ++i) {
            block += QByteArray(column, ' ') + (i == 0 ? "- " : "  ") + entries[i].first.toUtf8() +
                     ": " + entries[i].second.toUtf8() + eol;
        }
        return block;
    };

    QByteArray result = text;
    qsizetype previousSize = 0;
    if (!found.keyFound) {
        const QByteArray block = itemLines(found.parent.Mark().column + 2);
        result = insertKeyLine(text, found.parent, std::get<QString>(listPath.back()),
                               eol + block.chopped(eol.size()));
    } else {
        const YAML::Node &list = found.value;
        const int keyColumn = found.key.Mark().column;
        const qsizetype colon = lines.colonAfterKey(found.key.Mark().pos, keyEnd(text, found.key));
        if (list.IsNull() ||
            (list.IsSequence() && list.Style() == YAML::EmitterStyle::Flow && list.size() == 0)) {
            // "hosts:" or "hosts: []": the new entry becomes the list's first block item.
            const qsizetype end =
                list.IsNull() ? lines.scalarEnd(colon + 1) : lines.flowEnd(list.Mark().pos);
            const QByteArray block = itemLines(keyColumn + 2);
            result.replace(colon + 1, std::max(end, colon + 1) - (colon + 1),
                           QByteArray(eol + block.chopped(eol.size())));
        } else if (list.IsSequence() && list.Style() != YAML::EmitterStyle::Flow) {
            previousSize = qsizetype(list.size());
            const int itemColumn = list.Mark().column;
            const qsizetype end = lines.blockEnd(list.Mark().pos, [&](int indent, char first) {
                return indent > itemColumn || (indent == itemColumn && first == '-');
            });
            QByteArray block = itemLines(itemColumn);
            if (end == text.size()) {
                if (!text.endsWith('\n'))
                    block.prepend(eol);
                result += block;
            } else {
                result.insert(end + 1, block);
            }
        } else {
            return fail(Text::tr("'%1' at line %2 is not a block list; add the entry in the "
                                 "file itself")
                            .arg(std::get<QString>(listPath.back()))
                            .arg(lineNumber(list)));
        }
    }

    try {
        const Found check = locate(YAML::Load(result.toStdString()), listPath);
        if (!check.error.isEmpty() || !check.value.IsSequence() ||
            qsizetype(check.value.size()) != previousSize + 1)
            return fail(Text::tr("the entry could not be added without changing other lines; "
                                 "edit the file itself"));
    } catch (const YAML::Exception &) {
        return fail(Text::tr("the new entry is not valid YAML here"));
    }
    return {result, {}};
}

QString quoteScalar(const QString &value)
{
    static const QStringList resolvesToNonText = {QStringLiteral("null"), QStringLiteral("Null"),
                                                  QStringLiteral("NULL"), QStringLiteral("~")};
    bool plain = !value.isEmpty() && !value.front().isSpace() && !value.back().isSpace() &&
                 !resolvesToNonText.contains(value) &&
                 !QStringLiteral("-?:,[]{}#&*!|>'\"%@`").contains(value.front()) &&
                 !value.contains(u": ") && !value.contains(u" #") && !value.endsWith(u':');
    for (const QChar c : value) {
        if (c.category() == QChar::Other_Control || c == u',' || c == u'[' || c == u']' ||
            c == u'{' || c == u'}')
            plain = false;
    }
    if (plain)
        return value;
    QString quoted = QStringLiteral("\"");
    for (const QChar c : value) {
        if (c == u'"' || c == u'\\')
            quoted += u'\\' + QString(c);
        else if (c == u'\n')
            quoted += u"\\n";
        else if (c == u'\t')
            quoted += u"\\t";
        else if (c.category() == QChar::Other_Control)
            quoted += QStringLiteral("\\x%1").arg(c.unicode(), 2, 16, QLatin1Char('0'));
        else
            quoted += c;
    }
    return quoted + u'"';
}

QString flowList(const QStringList &items)
{
    QStringList quoted;
    for (const QString &item : items)
        quoted.append(quoteScalar(item));
    return u'[' + quoted.join(u", ") + u']';
}

} // namespace OpsDeck::YamlTextEdit
