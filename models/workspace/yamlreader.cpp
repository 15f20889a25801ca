// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/workspace/yamlreader.h"

#include "models/core/fuzzymatch.h"
#include "models/core/textlines.h"

#include <QHash>

#include <limits>

namespace OpsDeck {

namespace {

QString fromStd(const std::string &text)
{
    return QString::fromStdString(text);
}

// Offset of the first byte that is not valid UTF-8 (or is NUL), or -1 for clean text.
qsizetype firstBinaryByte(const QByteArray &text)
{
    const auto *bytes = reinterpret_cast<const unsigned char *>(text.constData());
    const qsizetype size = text.size();
    qsizetype i = 0;
    while (i < size) {
        const unsigned char lead = bytes[i];
        if (lead == 0)
            return i;
        int continuation = 0;
        if (lead < 0x80)
            continuation = 0;
        else if (lead >= 0xC2 && lead <= 0xDF)
            continuation = 1;
        else if (lead >= 0xE0 && lead <= 0xEF)
            continuation = 2;
        else if (lead >= 0xF0 && lead <= 0xF4)
            continuation = 3;
        else
            return i;
        if (i + continuation >= size && continuation > 0)
            return i;
        for (int k = 1; k <= continuation; ++k) {
            if ((bytes[i + k] & 0xC0) != 0x80)
                return i;
        }
        i += continuation + 1;
    }
    return -1;
}

SourceLocation locationOfOffset(const QByteArray &text, qsizetype offset)
{
    SourceLocation location{1, 1};
    qsizetype lineStart = 0;
    for (qsizetype i = 0; i < offset; ++i) {
        if (text[i] == '\n') {
            ++location.line;
            lineStart = i + 1;
        }
    }
    // Columns count characters, not bytes, so editors land on the right spot.
    location.column = int(QString::fromUtf8(text.mid(lineStart, offset - lineStart)).size()) + 1;
    return location;
}

// yaml-cpp keeps every key of a mapping, duplicates included: find them all.
void reportDuplicateKeys(YamlDiagnostics &reporter, const YAML::Node &node)
{
    if (node.IsMap()) {
        QHash<QString, int> firstLine;
        for (auto it = node.begin(); it != node.end(); ++it) {
            if (it->first.IsScalar()) {
                const QString key = fromStd(it->first.Scalar());
                const SourceLocation where = yamlLocation(it->first.Mark());
                if (firstLine.contains(key)) {
                    reporter.error(
                        where, QCoreApplication::translate(
                                   "YamlReader", "duplicate key '%1' (first defined at line %2)")
                                   .arg(key)
                                   .arg(firstLine.value(key)));
                } else {
                    firstLine.insert(key, where.line);
                }
            }
            reportDuplicateKeys(reporter, it->second);
        }
    } else if (node.IsSequence()) {
        for (const YAML::Node &item : node)
            reportDuplicateKeys(reporter, item);
    }
}

// yaml-cpp's messages name the parser state; say what the user has to fix instead.
QString explainSyntaxError(const std::string &message)
{

    if (message == YAML::ErrorMsg::MAP_VALUE)
        return QCoreApplication::translate(
            "YamlReader", "unexpected ':': expected a key aligned with the keys above it, or "
                          "quotes around a value that contains ': '");
    if (message == YAML::ErrorMsg::END_OF_MAP || message == YAML::ErrorMsg::END_OF_SEQ)
        return QCoreApplication::translate(
            "YamlReader", "bad indentation: expected this line to line up with the keys or list "
                          "entries above it");
    if (message == YAML::ErrorMsg::END_OF_SEQ_FLOW)
        return QCoreApplication::translate("YamlReader", "unclosed '[': expected ',' or ']'");
    if (message == YAML::ErrorMsg::END_OF_MAP_FLOW)
        return QCoreApplication::translate("YamlReader", "unclosed '{': expected ',' or '}'");
    if (message == YAML::ErrorMsg::UNKNOWN_ANCHOR)
        return QCoreApplication::translate(
            "YamlReader", "the alias refers to an anchor that is not defined above it");
    return QCoreApplication::translate("YamlReader", "YAML syntax error: %1").arg(fromStd(message));
}

} // namespace

SourceLocation yamlLocation(const YAML::Mark &mark)
{
    if (mark.is_null())
        return {};
    return {mark.line + 1, mark.column + 1};
}

QString describeYamlNode(const YAML::Node &node)
{
    switch (node.Type()) {
    case YAML::NodeType::Map:
        return QCoreApplication::translate("YamlReader", "a mapping");
    case YAML::NodeType::Sequence:
        return QCoreApplication::translate("YamlReader", "a list");
    case YAML::NodeType::Null:
        return QCoreApplication::translate("YamlReader", "nothing");
    case YAML::NodeType::Scalar:
        return u'\'' + fromStd(node.Scalar()) + u'\'';
    case YAML::NodeType::Undefined:
        break;
    }
    return QCoreApplication::translate("YamlReader", "nothing");
}

std::optional<YAML::Node> readYamlDocument(const QByteArray &rawText, YamlDiagnostics &reporter)
{
    QByteArray text = rawText;
    if (text.startsWith("\xEF\xBB\xBF"))
        text.remove(0, 3);

    if (const qsizetype offset = firstBinaryByte(text); offset >= 0) {
        reporter.error(locationOfOffset(text, offset),
                       QCoreApplication::translate("YamlReader",
                                                   "binary data (byte 0x%1): a workspace file "
                                                   "must be UTF-8 text")
                           .arg(uchar(text[offset]), 2, 16, QLatin1Char('0')));
        return std::nullopt;
    }

    // yaml-cpp's tab message points after the fact; point at the tab itself.
    std::optional<SourceLocation> tab;
    forEachLine(text, [&](QByteArrayView line, int lineNumber) {
        for (qsizetype column = 0;
             !tab && column < line.size() && (line[column] == ' ' || line[column] == '\t');
             ++column) {
            if (line[column] == '\t')
                tab = SourceLocation{lineNumber, int(column) + 1};
        }
    });
    if (tab) {
        reporter.error(*tab, QCoreApplication::translate("YamlReader",
                                                         "tab character in indentation: YAML "
                                                         "indents with spaces only"));
        return std::nullopt;
    }

    YAML::Node root;
    try {
        root = YAML::Load(text.toStdString());
    } catch (const YAML::Exception &exception) {
        reporter.error(yamlLocation(exception.mark), explainSyntaxError(exception.msg));
        return std::nullopt;
    }

    reportDuplicateKeys(reporter, root);
    return root;
}

YamlMapReader::YamlMapReader(YamlDiagnostics &reporter, const YAML::Node &node, QString context)
    : m_reporter(reporter)
    , m_node(node)
    , m_context(std::move(context))
{
}

YAML::Node YamlMapReader::value(const char *key)
{
    m_known.append(QString::fromLatin1(key));
    for (auto it = m_node.begin(); it != m_node.end(); ++it) {
        if (it->first.IsScalar() && it->first.Scalar() == key)
            return it->second;
    }
    return YAML::Node(YAML::NodeType::Undefined);
}

std::optional<QString> YamlMapReader::text(const char *key, bool required)
{
    const YAML::Node node = value(key);
    if (!node.IsDefined() || node.IsNull()) {
        if (required)
            missing(key, node);
        return std::nullopt;
    }
    if (!node.IsScalar()) {
        m_reporter.error(node, tr("'%1' must be a text value, found %2")
                                   .arg(QLatin1String(key), describeYamlNode(node)));
        return std::nullopt;
    }
    const QString result = fromStd(node.Scalar());
    if (required && result.trimmed().isEmpty()) {
        m_reporter.error(node, tr("'%1' must not be empty").arg(QLatin1String(key)));
        return std::nullopt;
    }
    return result;
}

void YamlMapReader::readText(const char *key, QString &target, bool required)
{
    if (auto result = text(key, required))
        target = *result;
}

void YamlMapReader::readInteger(const char *key, int &target, int minimum, int maximum)
{
    const YAML::Node node = value(key);
    if (!node.IsDefined() || node.IsNull())
        return;
    bool ok = false;
    const int number = node.IsScalar() ? fromStd(node.Scalar()).toInt(&ok) : 0;
    if (!ok || number < minimum || number > maximum) {
        m_reporter.error(node, tr("'%1' must be a whole number from %2 to %3, found %4")
                                   .arg(QLatin1String(key))
                                   .arg(minimum)
                                   .arg(maximum)
                                   .arg(describeYamlNode(node)));
        return;
    }
    target = number;
}

bool YamlMapReader::readNumber(const char *key, double &target, bool required)
{
    const YAML::Node node = value(key);
    if (!node.IsDefined() || node.IsNull()) {
        if (required)
            missing(key, node);
        return false;
    }
    bool ok = false;
    const double number = node.IsScalar() ? fromStd(node.Scalar()).toDouble(&ok) : 0;
    if (!ok) {
        m_reporter.error(
            node,
            tr("'%1' must be a number, found %2").arg(QLatin1String(key), describeYamlNode(node)));
        return false;
    }
    target = number;
    return true;
}

void YamlMapReader::readUrl(const char *key, QUrl &target)
{
    const std::optional<QString> written = text(key);
    if (!written)
        return;
    const QUrl url(*written, QUrl::StrictMode);
    const QString scheme = url.scheme();
    if (!url.isValid() || (scheme != u"http" && scheme != u"https") || url.host().isEmpty()) {
        m_reporter.error(value(key), tr("'%1' must be an http:// or https:// URL, found '%2'")
                                         .arg(QLatin1String(key), *written));
        return;
    }
    target = url;
}

void YamlMapReader::readStringList(const char *key, QStringList &target)
{
    const YAML::Node node = value(key);
    if (!node.IsDefined() || node.IsNull())
        return;
    if (!node.IsSequence()) {
        m_reporter.error(node, tr("'%1' must be a list such as [a, b], found %2")
                                   .arg(QLatin1String(key), describeYamlNode(node)));
        return;
    }
    for (const YAML::Node &item : node) {
        if (!item.IsScalar()) {
            m_reporter.error(item, tr("each entry of '%1' must be a text value, found %2")
                                       .arg(QLatin1String(key), describeYamlNode(item)));
            continue;
        }
        target.append(fromStd(item.Scalar()));
    }
}

void YamlMapReader::readSecret(const char *key, SecretReference &target)
{
    const std::optional<QString> written = text(key);
    if (!written)
        return;
    static constexpr QStringView prefix = u"keychain:";
    if (!written->startsWith(prefix) || written->size() == prefix.size()) {
        // Never echo the value: it may be a real password.
        m_reporter.error(value(key),
                         tr("'%1' holds a plain-text secret; store it in the system keychain "
                            "and write 'keychain:<entry name>' here instead")
                             .arg(QLatin1String(key)));
        return;
    }
    target.entry = written->mid(prefix.size());
}

namespace {

// A whole number with an optional unit among `units` (s, m, h, d); a bare number counts
// bareUnitSeconds each. Nothing when it is not one or does not fit.
std::optional<qint64> parseDurationSeconds(const QString &written, qint64 bareUnitSeconds,
                                           QStringView units)
{
    const QString trimmed = written.trimmed();
    bool ok = false;
    qint64 number = trimmed.toLongLong(&ok);
    qint64 unitSeconds = bareUnitSeconds;
    if (!ok && trimmed.size() > 1 && units.contains(trimmed.back())) {
        number = trimmed.chopped(1).toLongLong(&ok);
        switch (trimmed.back().unicode()) {
        case u's':
            unitSeconds = 1;
            break;
        case u'm':
            unitSeconds = 60;
            break;
        case u'h':
            unitSeconds = 3600;
            break;
        default:
            unitSeconds = 86400;
            break;
        }
    }
    constexpr qint64 limit = std::numeric_limits<int>::max();
    if (!ok || number < 0 || number > limit)
        return std::nullopt;
    return number * unitSeconds;
}

} // namespace

void YamlMapReader::readDuration(const char *key, int &minutes)
{
    const std::optional<QString> written = text(key);
    if (!written)
        return;
    const std::optional<qint64> seconds = parseDurationSeconds(*written, 60, u"mhd");
    if (!seconds || *seconds / 60 > std::numeric_limits<int>::max()) {
        m_reporter.error(value(key),
                         tr("'%1' must be a duration such as 0, 15m, 1h or 1d; found '%2'")
                             .arg(QLatin1String(key), *written));
        return;
    }
    minutes = int(*seconds / 60);
}

void YamlMapReader::readInterval(const char *key, int &seconds, int minimum, int maximum)
{
    const std::optional<QString> written = text(key);
    if (!written)
        return;
    const std::optional<qint64> parsed = parseDurationSeconds(*written, 1, u"smhd");
    if (!parsed || *parsed < minimum || *parsed > maximum) {
        m_reporter.error(value(key),
                         tr("'%1' must be an interval from %2 s to %3 s such as 30s, 5m, 1h or 2d; "
                            "found '%4'")
                             .arg(QLatin1String(key))
                             .arg(minimum)
                             .arg(maximum)
                             .arg(*written));
        return;
    }
    seconds = int(*parsed);
}

void YamlMapReader::readUrlOfScheme(const char *key, QUrl &target, const QStringList &schemes)
{
    const std::optional<QString> written = text(key);
    if (!written)
        return;
    const QUrl url(*written, QUrl::StrictMode);
    if (!url.isValid() || !schemes.contains(url.scheme()) || url.host().isEmpty()) {
        m_reporter.error(
            value(key),
            tr("'%1' must be a URL starting with %2 and naming a host, "
               "found '%3'")
                .arg(QLatin1String(key), schemes.join(QLatin1String("://, ")) + u"://", *written));
        return;
    }
    target = url;
}

void YamlMapReader::readList(const char *key, const QString &itemName,
                             const std::function<void(const YAML::Node &)> &read)
{
    const YAML::Node node = value(key);
    if (!node.IsDefined() || node.IsNull())
        return;
    if (!node.IsSequence()) {
        m_reporter.error(node, tr("'%1' must be a list of %2, found %3")
                                   .arg(QLatin1String(key), itemName, describeYamlNode(node)));
        return;
    }
    for (const YAML::Node &item : node) {
        if (!item.IsMap()) {
            m_reporter.error(item, tr("each entry of '%1' must be a mapping with at least "
                                      "'name', found %2")
                                       .arg(QLatin1String(key), describeYamlNode(item)));
            continue;
        }
        read(item);
    }
}

void YamlMapReader::finish()
{
    for (auto it = m_node.begin(); it != m_node.end(); ++it) {
        const QString key = fromStd(it->first.Scalar());
        if (m_known.contains(key))
            continue;
        QString closest;
        int best = 3;
        for (const QString &known : std::as_const(m_known)) {
            const int distance = editDistance(key, known);
            if (distance < best) {
                best = distance;
                closest = known;
            }
        }
        const QString message =
            closest.isEmpty()
                ? tr("unknown key '%1' in %2; expected one of: %3")
                      .arg(key, m_context, m_known.join(u", "))
                : tr("unknown key '%1' in %2; did you mean '%3'?").arg(key, m_context, closest);
        m_reporter.warning(yamlLocation(it->first.Mark()), message);
    }
}

void YamlMapReader::missing(const char *key, const YAML::Node &node)
{
    if (node.IsDefined()) {
        m_reporter.error(node, tr("'%1' has no value").arg(QLatin1String(key)));
        return;
    }
    m_reporter.error(yamlLocation(m_node.Mark()),
                     tr("%1 has no '%2'").arg(m_context, QLatin1String(key)));
}

} // namespace OpsDeck
