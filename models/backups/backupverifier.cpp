// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/backups/backupverifier.h"

#include "models/backups/verificationstore.h"
#include "models/core/units.h"
#include "models/remote/commandrunner.h"
#include "models/remote/shellquote.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSet>

using namespace Qt::StringLiterals;

namespace OpsDeck {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(BackupVerifier)
};

// Frame lines start with the record separator, which none of the tools prints.
constexpr QChar Frame = u'\x1e';

// A step: a header, the command with its errors merged, its exit status.
QString step(const QString &name, const QString &command)
{
    return u"printf '\\036step %1\\n'\n%2 2>&1\nprintf '\\036end %1 %d\\n' \"$?\"\n"_s.arg(name,
                                                                                           command);
}

// The file's bytes as a stream: `cat FILE` or `gzip -dc FILE`.
QString streamOf(const BackupFile &file)
{
    const QString program = compressorProgram(file.compression);
    if (program.isEmpty())
        return u"cat "_s + shellQuote(file.path);
    return program + u" -dc "_s + shellQuote(file.path);
}

bool isPgArchive(BackupFormat format)
{
    return format == BackupFormat::PgCustom || format == BackupFormat::PgDirectory ||
           format == BackupFormat::PgTar;
}

// Counts bytes and finds whether the dump ends as pg_dump ends it, in one pass over the
// stream. The stream's exit status arrives as a frame after the data; a last line without a
// line break carries it on its end. %.0f: mawk's %d stops at 2^31.
const QString PlainSqlReader = uR"awk(LC_ALL=C awk '
function judge(line) {
    if (line ~ /^-- PostgreSQL database (cluster )?dump complete/) done = 1
    else if (line != "" && line != "--" && line !~ /^\\unrestrict /) done = 0
}
{
    i = index($0, "\036status ")
    if (i > 0) {
        if (i > 1) { part = substr($0, 1, i - 1); n += length(part); judge(part) }
        printf "\036bytes %.0f\n\036complete %d\n%s\n", n, done, substr($0, i)
        next
    }
    n += length($0) + 1
    judge($0)
}')awk"_s;

const QString EntryCounter =
    uR"awk(LC_ALL=C awk 'index($0, "\036") == 1 { print; next } { n++ } END { printf "\036entries %.0f\n", n }')awk"_s;

QString integrityScript(const BackupFile &file)
{
    const QString path = shellQuote(file.path);
    QString script = u"if [ ! -e %1 ]; then printf '\\036missing\\n'; exit 0; fi\n"_s.arg(path);
    if (file.format == BackupFormat::PgDirectory) {
        const QString toc = shellQuote(file.path + u"/toc.dat"_s);
        script += u"if [ -f %1 ]; then printf '\\036size %s\\n' \"$(wc -c < %1)\"; "
                  "else printf '\\036notoc\\n'; exit 0; fi\n"_s.arg(toc);
        script += step(u"toc"_s, u"pg_restore --list "_s + path);
        script += step(u"files"_s, u"ls -1A "_s + path);
        return script;
    }
    script += u"printf '\\036size %s\\n' \"$(wc -c < %1)\"\n"_s.arg(path);
    const QString program = compressorProgram(file.compression);
    if (!program.isEmpty())
        script += step(u"test"_s, program + u" -t "_s + path);
    // The first bytes say whether it is what its name says: PGDMP, or a tar's "ustar".
    if (file.compression == BackupCompression::None && file.format == BackupFormat::PgCustom)
        script +=
            u"printf '\\036magic %s\\n' \"$(head -c 5 %1 | od -An -tx1 | tr -d ' \\n')\"\n"_s.arg(
                path);
    if (file.compression == BackupCompression::None && file.format == BackupFormat::PgTar)
        script +=
            u"printf '\\036magic %s\\n' \"$(head -c 262 %1 | tail -c 5 | od -An -tx1 | tr -d ' "
            "\\n')\"\n"_s.arg(path);
    // The recorded sum against this file's own: the .sha256 may name the file by another path
    // (where it was made, before a rename) or hold the bare sum, and a name with a line break
    // cannot be written in its format at all; the sum is what is checked.
    const QString sum = shellQuote(file.path + u".sha256"_s);
    script +=
        u"if [ -f %1 ]; then\n"
        "printf '\\036recorded %s\\n' \"$(head -n 1 %1 | cut -c 1-64 | tr -cd '0-9a-fA-F')\"\n"
        "printf '\\036computed %s\\n' \"$(sha256sum < %2 | cut -c 1-64)\"\n"
        "fi\n"_s.arg(sum, path);
    return script;
}

QString tableOfContentsScript(const BackupFile &file)
{
    const QString path = shellQuote(file.path);
    if (file.format == BackupFormat::PlainSql)
        // pg_dump heads every object with "-- Name: x; Type: TABLE; …" (data: "Data for Name").
        return step(u"list"_s,
                    streamOf(file) + u" | grep -a -e '^-- Name: ' -e '^-- Data for Name: '"_s);
    if (file.compression == BackupCompression::None)
        return step(u"list"_s, u"pg_restore --list "_s + path);
    return step(u"list"_s, streamOf(file) + u" | pg_restore --list"_s);
}

QString fullReadScript(const BackupFile &file)
{
    const QString path = shellQuote(file.path);
    switch (file.format) {
    case BackupFormat::PgCustom:
    case BackupFormat::PgDirectory:
    case BackupFormat::PgTar:
        // Without a database pg_restore writes the SQL, reading every byte of data to do it.
        if (file.compression == BackupCompression::None)
            return step(u"read"_s, u"pg_restore -f /dev/null "_s + path);
        return step(u"read"_s, streamOf(file) + u" | pg_restore -f /dev/null"_s);
    case BackupFormat::PlainSql:
        return u"{ %1; printf '\\036status %d\\n' \"$?\"; } | %2\n"_s.arg(streamOf(file),
                                                                          PlainSqlReader);
    case BackupFormat::FilesArchive:
        return u"{ %1 | tar -tf -; printf '\\036status %d\\n' \"$?\"; } | %2\n"_s.arg(
            streamOf(file), EntryCounter);
    default:
        break;
    }
    return {};
}

// The output cut into steps (name -> text and status) and loose frames (word -> value).
struct Framed {
    QHash<QString, QString> text;
    QHash<QString, int> status;
    QHash<QString, QString> frames;
};

Framed readFrames(const QByteArray &out)
{
    Framed framed;
    QString current;
    QString data = QString::fromUtf8(out);
    // A tool's last line without a line break still leaves the frame on a line of its own.
    data.replace(Frame, u"\n"_s + Frame);
    const QStringList lines = data.split(u'\n');
    for (const QString &line : lines) {
        if (!line.startsWith(Frame)) {
            if (!current.isEmpty() && !line.isEmpty())
                framed.text[current] += line + u'\n';
            continue;
        }
        const QString word = line.mid(1).section(u' ', 0, 0);
        const QString rest = line.mid(1).section(u' ', 1);
        if (word == u"step") {
            current = rest;
            framed.text[current];
        } else if (word == u"end") {
            framed.status.insert(rest.section(u' ', 0, 0), rest.section(u' ', 1).toInt());
            current.clear();
        } else {
            framed.frames.insert(word, rest);
        }
    }
    return framed;
}

// The last few lines a tool said, for the detail.
QString lastLines(const QString &text, int count = 3)
{
    QStringList lines = text.trimmed().split(u'\n', Qt::SkipEmptyParts);
    if (lines.size() > count)
        lines = lines.mid(lines.size() - count);
    return lines.join(u"; "_s);
}

QString countsText(const QMap<QString, int> &counts)
{
    int total = 0;
    QList<std::pair<int, QString>> byCount;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        total += it.value();
        byCount.append({it.value(), it.key()});
    }
    std::sort(byCount.begin(), byCount.end(),
              [](const auto &a, const auto &b) { return a.first > b.first; });
    QStringList parts;
    for (const auto &[count, type] : byCount)
        parts << u"%1 %2"_s.arg(count).arg(type);
    return Text::tr("%n object(s): %1", nullptr, total).arg(parts.join(u", "_s));
}

VerificationFinding failed(const QString &detail)
{
    VerificationFinding finding;
    finding.verdict = VerificationVerdict::Failed;
    finding.detail = detail;
    return finding;
}

QString notRun(const CommandResult &result, const QByteArray &err)
{
    const QString said = lastLines(QString::fromUtf8(err));
    return Text::tr("The check did not run to its end (%1)%2")
        .arg(result.error.isEmpty() ? result.summary() : result.error,
             said.isEmpty() ? QString() : u": "_s + said);
}

VerificationFinding parseIntegrity(const BackupFile &file, const Framed &framed)
{
    if (framed.frames.contains(u"missing"_s))
        return failed(Text::tr("%1 does not exist on %2").arg(file.path, file.host));
    if (framed.frames.contains(u"notoc"_s))
        return failed(
            Text::tr("%1 has no toc.dat: it is not a complete directory dump").arg(file.path));
    bool sizeOk = false;
    const qint64 size = framed.frames.value(u"size"_s).trimmed().toLongLong(&sizeOk);
    if (!sizeOk)
        return failed(Text::tr("The size of %1 could not be read").arg(file.path));
    if (size == 0)
        return failed(file.format == BackupFormat::PgDirectory
                          ? Text::tr("toc.dat in %1 is empty").arg(file.path)
                          : Text::tr("%1 is empty (0 bytes)").arg(file.path));
    QStringList found;
    found << Text::tr("%1, not empty").arg(formatBytes(size));
    if (framed.status.contains(u"test"_s)) {
        if (framed.status.value(u"test"_s) != 0)
            return failed(Text::tr("The %1 test fails: %2")
                              .arg(compressorProgram(file.compression),
                                   lastLines(framed.text.value(u"test"_s))));
        found << Text::tr("%1 test passes").arg(compressorProgram(file.compression));
    }
    if (framed.frames.contains(u"magic"_s)) {
        const QString magic = framed.frames.value(u"magic"_s);
        const QString expected = file.format == BackupFormat::PgCustom ? u"5047444d50"_s  // PGDMP
                                                                       : u"7573746172"_s; // ustar
        if (magic != expected)
            return failed(file.format == BackupFormat::PgCustom
                              ? Text::tr("%1 does not start with PGDMP: it is no pg_dump custom "
                                         "archive")
                                    .arg(file.path)
                              : Text::tr("%1 is no tar archive (no ustar header)").arg(file.path));
    }
    VerificationFinding finding;
    if (framed.status.contains(u"toc"_s)) {
        if (framed.status.value(u"toc"_s) != 0)
            return failed(
                Text::tr("toc.dat cannot be read: %1").arg(lastLines(framed.text.value(u"toc"_s))));
        const QList<int> ids = tocDataEntryIds(framed.text.value(u"toc"_s));
        const QStringList names = framed.text.value(u"files"_s).split(u'\n', Qt::SkipEmptyParts);
        QSet<int> present;
        static const QRegularExpression dataFile(u"^(\\d+)\\.dat(\\.gz|\\.lz4|\\.zst)?$"_s);
        for (const QString &name : names) {
            const QRegularExpressionMatch match = dataFile.match(name);
            if (match.hasMatch())
                present.insert(match.captured(1).toInt());
        }
        QStringList missing;
        for (const int id : ids) {
            if (!present.contains(id))
                missing << QString::number(id);
        }
        if (!missing.isEmpty())
            return failed(Text::tr("%n data file(s) the table of contents names are missing "
                                   "from %1: %2",
                                   nullptr, int(missing.size()))
                              .arg(file.path, missing.join(u", "_s)));
        found << Text::tr("toc.dat and all %n data file(s) present", nullptr, int(ids.size()));
    }
    if (framed.frames.contains(u"recorded"_s)) {
        const QString recorded = framed.frames.value(u"recorded"_s).toLower();
        const QString computed = framed.frames.value(u"computed"_s).trimmed().toLower();
        if (recorded.size() != 64)
            return failed(Text::tr("%1.sha256 holds no sha256 sum").arg(file.name()));
        if (recorded != computed)
            return failed(Text::tr("The sha256 sum does not match %1.sha256: %2 recorded, %3 now")
                              .arg(file.name(), recorded.left(12), computed.left(12)));
        finding.checksum = computed;
        found << Text::tr("sha256 matches");
    }
    finding.verdict = VerificationVerdict::Verified;
    finding.detail = found.join(u", "_s);
    return finding;
}

QMap<QString, int> countPlainHeaders(const QString &text)
{
    QMap<QString, int> counts;
    static const QRegularExpression type(u"; Type: ([^;]+);"_s);
    const QStringList lines = text.split(u'\n', Qt::SkipEmptyParts);
    for (const QString &line : lines) {
        const QRegularExpressionMatch match = type.match(line);
        if (match.hasMatch())
            ++counts[match.captured(1)];
    }
    return counts;
}

VerificationFinding parseTableOfContents(const BackupFile &file, const Framed &framed)
{
    const QString listing = framed.text.value(u"list"_s);
    const int status = framed.status.value(u"list"_s, -1);
    const QMap<QString, int> counts = file.format == BackupFormat::PlainSql
                                          ? countPlainHeaders(listing)
                                          : countTocEntries(listing);
    if (file.format != BackupFormat::PlainSql && status != 0)
        return failed(Text::tr("pg_restore --list fails: %1").arg(lastLines(listing)));
    if (counts.isEmpty())
        return failed(file.format == BackupFormat::PlainSql
                          ? Text::tr("%1 has no object headers pg_dump writes").arg(file.path)
                          : Text::tr("The table of contents of %1 is empty").arg(file.path));
    VerificationFinding finding;
    finding.verdict = VerificationVerdict::TocOnly;
    finding.objectCounts = counts;
    finding.detail = countsText(counts);
    return finding;
}

VerificationFinding parseFullRead(const BackupFile &file, const Framed &framed,
                                  const QByteArray &err)
{
    const QString said = lastLines(QString::fromUtf8(err));
    if (isPgArchive(file.format)) {
        if (framed.status.value(u"read"_s, -1) != 0)
            return failed(Text::tr("pg_restore could not read all data: %1")
                              .arg(lastLines(framed.text.value(u"read"_s))));
        VerificationFinding finding;
        finding.verdict = VerificationVerdict::Verified;
        finding.detail = Text::tr("every entry read through (%1)").arg(formatBytes(file.size));
        return finding;
    }
    const int status = framed.frames.value(u"status"_s, u"-1"_s).toInt();
    if (file.format == BackupFormat::PlainSql) {
        const qint64 bytes = framed.frames.value(u"bytes"_s, u"-1"_s).toLongLong();
        if (status != 0)
            return failed(Text::tr("The stream breaks off after %1: %2")
                              .arg(formatBytes(qMax<qint64>(0, bytes)), said));
        if (framed.frames.value(u"complete"_s) != u"1")
            return failed(Text::tr("%1 read, but the dump does not end with \"-- PostgreSQL "
                                   "database dump complete\": it was cut off")
                              .arg(formatBytes(qMax<qint64>(0, bytes))));
        VerificationFinding finding;
        finding.verdict = VerificationVerdict::Verified;
        finding.bytesRead = bytes;
        finding.detail =
            Text::tr("%1 of SQL read, ends as a complete dump").arg(formatBytes(bytes));
        return finding;
    }
    const qint64 entries = framed.frames.value(u"entries"_s, u"0"_s).toLongLong();
    if (status != 0)
        return failed(Text::tr("tar stops after %n entry(s): %1", nullptr, int(entries)).arg(said));
    VerificationFinding finding;
    finding.verdict = VerificationVerdict::Verified;
    finding.detail = Text::tr("%n entry(s) read through to the end", nullptr, int(entries));
    return finding;
}

} // namespace

QString verificationLevelRefusal(const BackupFile &file, VerificationLevel level)
{
    switch (level) {
    case VerificationLevel::Integrity:
        return {};
    case VerificationLevel::TableOfContents:
        if (file.isDatabaseDump())
            return {};
        return Text::tr("%1 is no pg_dump archive: it has no table of contents")
            .arg(backupFormatName(file.format));
    case VerificationLevel::FullRead:
        if (file.isDatabaseDump() || file.format == BackupFormat::FilesArchive)
            return {};
        return Text::tr("A full read is for dumps and file archives, not a %1")
            .arg(backupFormatName(file.format));
    case VerificationLevel::TestRestore:
        if (file.isDatabaseDump())
            return {};
        return Text::tr("Only a database dump can be test-restored, not a %1")
            .arg(backupFormatName(file.format));
    }
    return {};
}

std::variant<CommandRequest, QString> verificationRequest(const BackupFile &file,
                                                          VerificationLevel level)
{
    if (const QString refusal = verificationLevelRefusal(file, level); !refusal.isEmpty())
        return refusal;
    CommandRequest request;
    switch (level) {
    case VerificationLevel::Integrity:
        request.script = integrityScript(file);
        break;
    case VerificationLevel::TableOfContents:
        request.script = tableOfContentsScript(file);
        break;
    case VerificationLevel::FullRead:
        request.script = fullReadScript(file);
        break;
    case VerificationLevel::TestRestore:
        return Text::tr("A test restore is not a command of its own: it runs as TestRestore");
    }
    request.risk = Risk::Read;
    return request;
}

VerificationFinding parseVerification(const BackupFile &file, VerificationLevel level,
                                      const QByteArray &out, const QByteArray &err,
                                      const CommandResult &result)
{
    // A script that ran to its end exits 0: each tool's own status is in its frame.
    if (!result.succeeded())
        return failed(notRun(result, err));
    const Framed framed = readFrames(out);
    switch (level) {
    case VerificationLevel::Integrity:
        return parseIntegrity(file, framed);
    case VerificationLevel::TableOfContents:
        return parseTableOfContents(file, framed);
    case VerificationLevel::FullRead:
        return parseFullRead(file, framed, err);
    case VerificationLevel::TestRestore:
        break;
    }
    return failed(Text::tr("Nothing to read for %1").arg(verificationLevelName(level)));
}

namespace {

// `3340; 0 16385 TABLE DATA public accounts opsdeck`: the dump id, catalog oid, object oid,
// then the type, which may be several words. The longest known type that matches wins.
const QStringList &knownTocTypes()
{
    static const QStringList types = [] {
        QStringList list = {
            u"TABLE DATA"_s,
            u"SEQUENCE SET"_s,
            u"SEQUENCE OWNED BY"_s,
            u"FK CONSTRAINT"_s,
            u"CHECK CONSTRAINT"_s,
            u"DEFAULT ACL"_s,
            u"MATERIALIZED VIEW"_s,
            u"MATERIALIZED VIEW DATA"_s,
            u"LARGE OBJECT"_s,
            u"BLOB METADATA"_s,
            u"FOREIGN TABLE"_s,
            u"FOREIGN SERVER"_s,
            u"FOREIGN DATA WRAPPER"_s,
            u"USER MAPPING"_s,
            u"EVENT TRIGGER"_s,
            u"PUBLICATION TABLE"_s,
            u"PUBLICATION TABLES IN SCHEMA"_s,
            u"ROW SECURITY"_s,
            u"OPERATOR CLASS"_s,
            u"OPERATOR FAMILY"_s,
            u"PROCEDURAL LANGUAGE"_s,
            u"ACCESS METHOD"_s,
            u"DATABASE PROPERTIES"_s,
            u"TEXT SEARCH CONFIGURATION"_s,
            u"TEXT SEARCH DICTIONARY"_s,
            u"TEXT SEARCH PARSER"_s,
            u"TEXT SEARCH TEMPLATE"_s,
            u"TABLE ATTACH"_s,
            u"INDEX ATTACH"_s,
            u"SHELL TYPE"_s,
            u"STATISTICS DATA"_s,
        };
        std::sort(list.begin(), list.end(),
                  [](const QString &a, const QString &b) { return a.size() > b.size(); });
        return list;
    }();
    return types;
}

const QRegularExpression &tocLine()
{
    static const QRegularExpression line(u"^(\\d+); \\d+ \\d+ (.+)$"_s);
    return line;
}

QString tocType(const QString &rest)
{
    for (const QString &type : knownTocTypes()) {
        if (rest.startsWith(type) && (rest.size() == type.size() || rest.at(type.size()) == u' '))
            return type;
    }
    return rest.section(u' ', 0, 0);
}

} // namespace

QMap<QString, int> countTocEntries(const QString &listing)
{
    QMap<QString, int> counts;
    const QStringList lines = listing.split(u'\n', Qt::SkipEmptyParts);
    for (const QString &line : lines) {
        const QRegularExpressionMatch match = tocLine().match(line);
        if (match.hasMatch())
            ++counts[tocType(match.captured(2))];
    }
    return counts;
}

QList<int> tocDataEntryIds(const QString &listing)
{
    QList<int> ids;
    const QStringList lines = listing.split(u'\n', Qt::SkipEmptyParts);
    for (const QString &line : lines) {
        const QRegularExpressionMatch match = tocLine().match(line);
        if (!match.hasMatch())
            continue;
        const QString type = tocType(match.captured(2));
        if (type == u"TABLE DATA" || type == u"MATERIALIZED VIEW DATA")
            ids.append(match.captured(1).toInt());
    }
    return ids;
}

// --- BackupVerifier

BackupVerifier::BackupVerifier(VerifierServices services, QObject *parent)
    : QObject(parent)
    , m_services(std::move(services))
{
    m_ticker.setInterval(1000);
    connect(&m_ticker, &QTimer::timeout, this, [this] {
        Q_EMIT progress(m_current, Text::tr("%1 running").arg(verificationLevelName(m_current)),
                        m_clock.elapsed());
    });
}

BackupVerifier::~BackupVerifier()
{
    if (m_run)
        m_run->cancel();
}

bool BackupVerifier::verify(const BackupFile &file, VerificationLevel level, bool lowerLevelsFirst,
                            const std::optional<TestRestorePlan> &plan,
                            const ActionConfirmation &confirmation)
{
    if (m_running)
        return false;
    m_running = true;
    m_cancelled = false;
    m_file = file;
    m_plan = plan;
    m_confirmation = confirmation;
    m_records.clear();
    m_pending.clear();
    const int first = lowerLevelsFirst ? 0 : int(level);
    for (int number = first; number <= int(level); ++number) {
        const VerificationLevel each = VerificationLevel(number);
        // Climbing, a level that does not apply to this kind of file is passed over.
        if (each == level || verificationLevelRefusal(file, each).isEmpty())
            m_pending.append(each);
    }
    QMetaObject::invokeMethod(this, &BackupVerifier::runNext, Qt::QueuedConnection);
    return true;
}

void BackupVerifier::cancel()
{
    if (!m_running)
        return;
    m_cancelled = true;
    if (m_run)
        m_run->cancel();
    if (m_restore)
        m_restore->cancel();
}

void BackupVerifier::runNext()
{
    if (m_cancelled) {
        finishAll(true);
        return;
    }
    if (m_pending.isEmpty()) {
        finishAll(false);
        return;
    }
    m_current = m_pending.takeFirst();
    m_clock.start();
    m_ticker.start();
    Q_EMIT progress(m_current, Text::tr("%1 started").arg(verificationLevelName(m_current)), 0);
    if (m_current == VerificationLevel::TestRestore)
        runTestRestore();
    else
        runCommandLevel(m_current);
}

void BackupVerifier::runCommandLevel(VerificationLevel level)
{
    const auto made = verificationRequest(m_file, level);
    if (const QString *refusal = std::get_if<QString>(&made)) {
        levelDone(level, failed(*refusal), 0);
        return;
    }
    Executor *executor = m_services.executorFor ? m_services.executorFor(m_file.host) : nullptr;
    if (!m_services.runner || !executor) {
        notRun(level, Text::tr("No way to run commands on %1").arg(m_file.host));
        return;
    }
    m_out.clear();
    m_err.clear();
    m_run = m_services.runner->run(executor, std::get<CommandRequest>(made), this);
    connect(m_run, &CommandRun::standardOutput, this,
            [this](const QByteArray &data) { m_out += data; });
    connect(m_run, &CommandRun::standardError, this, [this](const QByteArray &data) {
        // The tools' complaints: only the end is kept, it says what went wrong.
        m_err += data;
        if (m_err.size() > 64 * 1024)
            m_err = m_err.right(32 * 1024);
    });
    connect(m_run, &CommandRun::finished, this, [this, level](const CommandResult &result) {
        m_run->deleteLater();
        m_run = nullptr;
        if (result.outcome == CommandResult::Outcome::Cancelled || m_cancelled) {
            finishAll(true);
            return;
        }
        if (result.outcome == CommandResult::Outcome::Failed) {
            notRun(level, result.error);
            return;
        }
        levelDone(level, parseVerification(m_file, level, m_out, m_err, result), result.durationMs);
    });
}

void BackupVerifier::runTestRestore()
{
    if (!m_services.restore || !m_plan) {
        notRun(VerificationLevel::TestRestore,
               Text::tr("A test restore needs a scratch database server to go to"));
        return;
    }
    TestRestorePlan plan = *m_plan;
    plan.file = m_file;
    m_restore = new TestRestore(*m_services.restore, this);
    connect(m_restore, &TestRestore::phaseChanged, this,
            [this](TestRestorePhase phase, qint64 elapsedMs) {
                Q_EMIT progress(VerificationLevel::TestRestore, testRestorePhaseName(phase),
                                elapsedMs);
            });
    connect(m_restore, &TestRestore::finished, this, [this](const TestRestoreResult &result) {
        m_restore->deleteLater();
        m_restore = nullptr;
        if (result.cancelled || m_cancelled) {
            finishAll(true);
            return;
        }
        if (!result.ran) {
            notRun(VerificationLevel::TestRestore, result.detail);
            return;
        }
        VerificationFinding finding;
        finding.verdict = result.verdict;
        finding.detail = result.detail;
        levelDone(VerificationLevel::TestRestore, finding, result.durationMs);
    });
    m_restore->start(plan, m_confirmation);
}

void BackupVerifier::levelDone(VerificationLevel level, const VerificationFinding &finding,
                               qint64 durationMs)
{
    m_ticker.stop();
    VerificationRecord record;
    record.host = m_file.host;
    record.path = m_file.path;
    record.size = m_file.size;
    record.modified = m_file.modified;
    record.level = level;
    record.verdict = finding.verdict;
    record.ok = finding.verdict != VerificationVerdict::Failed;
    record.detail = finding.detail;
    record.at = QDateTime::currentDateTimeUtc();
    record.durationMs = durationMs;
    m_records.append(record);
    if (m_services.store)
        m_services.store->record(record);
    Q_EMIT levelFinished(record);
    if (!record.ok)
        m_pending.clear();
    runNext();
}

void BackupVerifier::notRun(VerificationLevel level, const QString &reason)
{
    m_ticker.stop();
    Q_EMIT levelNotRun(level, reason);
    finishAll(false);
}

void BackupVerifier::finishAll(bool cancelled)
{
    m_ticker.stop();
    m_running = false;
    m_pending.clear();
    Q_EMIT finished(m_records, cancelled);
}

} // namespace OpsDeck
