// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/logs/livelogsource.h"

#include "models/core/textlines.h"
#include "models/remote/commandrunner.h"
#include "models/remote/shellquote.h"

#include <QDate>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <limits>
#include <memory>
#include <utility>

namespace OpsDeck {

using namespace Qt::StringLiterals;

namespace {

class Text
{
    Q_DECLARE_TR_FUNCTIONS(LiveLogSource)
};

constexpr qint64 NanosecondsPerSecond = 1000000000;
constexpr qint64 NanosecondsPerMillisecond = 1000000;
// The file's tail read for history: enough for initialLines of ordinary length.
constexpr qint64 HistoryBytesPerLine = 1024;
constexpr qint64 MinimumHistoryBytes = 64 * 1024;
constexpr qint64 MaximumHistoryBytes = 16 * 1024 * 1024;
// History not complete after this long without output (the file shrank between stat and tail):
// show what came.
constexpr int HistoryQuietMs = 2000;
// A stream that ran this long counts as healthy: the back-off starts again from the first delay.
constexpr qint64 HealthyRunMs = 60000;
constexpr qsizetype MaximumLinesRemembered = 10000;

int digitsAt(QByteArrayView text, qsizetype position, qsizetype count)
{
    if (position + count > text.size())
        return -1;
    int value = 0;
    for (qsizetype i = position; i < position + count; ++i) {
        const char c = text[i];
        if (c < '0' || c > '9')
            return -1;
        value = value * 10 + (c - '0');
    }
    return value;
}

QString programOf(LiveLogSpec::Kind kind)
{
    switch (kind) {
    case LiveLogSpec::Kind::File:
        return u"tail"_s;
    case LiveLogSpec::Kind::Docker:
    case LiveLogSpec::Kind::Compose:
        return u"docker"_s;
    case LiveLogSpec::Kind::Podman:
        return u"podman"_s;
    case LiveLogSpec::Kind::Kubernetes:
        return u"kubectl"_s;
    case LiveLogSpec::Kind::Journald:
        return u"journalctl"_s;
    }
    return {};
}

// journald gives a field that is not valid UTF-8 as an array of byte values.
QJsonValue journalFieldText(const QJsonValue &value)
{
    if (!value.isArray())
        return value;
    QByteArray bytes;
    const QJsonArray array = value.toArray();
    for (const QJsonValue &byte : array)
        bytes.append(char(byte.toInt()));
    return QString::fromUtf8(bytes);
}

ParsedLiveLine parseJournalEntry(QByteArrayView text)
{
    ParsedLiveLine parsed;
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(text.toByteArray(), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject()) {
        parsed.line.text = text.toByteArray();
        parsed.isLogLine = false;
        return parsed;
    }
    const QJsonObject entry = document.object();
    parsed.cursor = entry.value(u"__CURSOR"_s).toString().toUtf8();
    bool ok = false;
    const qint64 microseconds = entry.value(u"__REALTIME_TIMESTAMP"_s).toString().toLongLong(&ok);
    if (ok && microseconds > 0 && microseconds < std::numeric_limits<qint64>::max() / 1000)
        parsed.line.timeNs = microseconds * 1000;
    QJsonObject kept;
    for (const QString &field : {u"MESSAGE"_s, u"PRIORITY"_s, u"SYSLOG_IDENTIFIER"_s, u"_PID"_s,
                                 u"_SYSTEMD_UNIT"_s, u"__REALTIME_TIMESTAMP"_s}) {
        const QJsonValue value = entry.value(field);
        if (!value.isUndefined() && !value.isNull())
            kept.insert(field, journalFieldText(value));
    }
    parsed.line.text = QJsonDocument(kept).toJson(QJsonDocument::Compact);
    return parsed;
}

} // namespace

// ---- Specs and commands

std::optional<LiveLogSpec> liveLogSpecFor(const QString &hostName, const LogSource &source,
                                          QString *whyNot)
{
    const auto refuse = [whyNot](const QString &reason) {
        if (whyNot)
            *whyNot = reason;
        return std::nullopt;
    };
    LiveLogSpec spec;
    spec.host = hostName;
    spec.name = source.name;
    const QString target = source.target.trimmed();
    switch (source.kind) {
    case LogSource::Kind::File:
        if (target.isEmpty())
            return refuse(Text::tr("Log source %1 names no file.").arg(source.name));
        if (target.contains(u'*') || target.contains(u'?') || target.contains(u'['))
            return refuse(Text::tr("Log source %1 is a pattern (%2): one file can be followed "
                                   "live; the file viewer opens patterns.")
                              .arg(source.name, target));
        spec.kind = LiveLogSpec::Kind::File;
        spec.path = target;
        break;
    case LogSource::Kind::Journald:
        spec.kind = LiveLogSpec::Kind::Journald;
        spec.unit = target;
        break;
    case LogSource::Kind::Docker:
    case LogSource::Kind::Podman:
        if (target.isEmpty())
            return refuse(Text::tr("Log source %1 names no container.").arg(source.name));
        spec.kind = source.kind == LogSource::Kind::Docker ? LiveLogSpec::Kind::Docker
                                                           : LiveLogSpec::Kind::Podman;
        spec.container = target;
        break;
    case LogSource::Kind::Kubernetes: {
        // namespace/pod, namespace/TYPE/NAME, or a pod of the context's namespace.
        const qsizetype slash = target.indexOf(u'/');
        spec.kind = LiveLogSpec::Kind::Kubernetes;
        spec.kubeNamespace = slash < 0 ? QString() : target.left(slash);
        spec.container = slash < 0 ? target : target.mid(slash + 1);
        if (spec.container.isEmpty())
            return refuse(Text::tr("Log source %1 names no pod.").arg(source.name));
        break;
    }
    }
    return spec;
}

CommandRequest liveLogCommand(const LiveLogSpec &spec, const LiveLogResume &resume)
{
    CommandRequest request;
    request.sudo = spec.sudo;
    request.risk = Risk::Read;
    const QString lines = QString::number(std::max(spec.initialLines, 0));
    const bool fromTime = resume.timeNs != LiveLine::NoTime;
    QStringList &argv = request.argv;
    switch (spec.kind) {
    case LiveLogSpec::Kind::File: {
        QStringList tail{u"tail"_s};
        if (resume.fileOffset >= 0)
            tail << u"-c"_s << u"+"_s + QString::number(resume.fileOffset + 1);
        else
            tail << u"-n"_s << lines;
        tail << u"-F"_s << u"--"_s << spec.path;
        request.script = u"exec "_s + shellJoin(tail) + u" 2>&1"_s;
        // tail's notes about rotation are read (see LiveLogSource): in English.
        request.environment.insert(u"LC_ALL"_s, u"C"_s);
        break;
    }
    case LiveLogSpec::Kind::Docker:
    case LiveLogSpec::Kind::Podman:
        argv = {programOf(spec.kind)};
        if (!spec.engineEndpoint.isEmpty())
            argv << (spec.kind == LiveLogSpec::Kind::Docker ? u"-H"_s : u"--url"_s)
                 << spec.engineEndpoint;
        argv << u"logs"_s << u"-f"_s << u"--timestamps"_s;
        if (fromTime)
            argv << u"--since"_s << formatTimestamp(resume.timeNs - 1);
        else
            argv << u"--tail"_s << lines;
        argv << spec.container;
        break;
    case LiveLogSpec::Kind::Compose:
        argv = {u"docker"_s};
        if (!spec.engineEndpoint.isEmpty())
            argv << u"-H"_s << spec.engineEndpoint;
        argv << u"compose"_s;
        if (!spec.composeFile.isEmpty())
            argv << u"-f"_s << spec.composeFile;
        if (!spec.projectDirectory.isEmpty())
            argv << u"--project-directory"_s << spec.projectDirectory;
        argv << u"logs"_s << u"-f"_s << u"--timestamps"_s << u"--no-color"_s;
        if (fromTime)
            argv << u"--since"_s << formatTimestamp(resume.timeNs - 1);
        else
            argv << u"--tail"_s << lines;
        if (!spec.container.isEmpty())
            argv << spec.container;
        break;
    case LiveLogSpec::Kind::Kubernetes:
        argv = {u"kubectl"_s};
        if (!spec.kubeContext.isEmpty())
            argv << u"--context"_s << spec.kubeContext;
        argv << u"logs"_s << u"-f"_s << u"--timestamps"_s;
        if (!spec.kubeNamespace.isEmpty())
            argv << u"-n"_s << spec.kubeNamespace;
        if (!spec.kubeContainer.isEmpty())
            argv << u"-c"_s << spec.kubeContainer;
        if (spec.previous)
            argv << u"--previous"_s;
        if (fromTime)
            argv << u"--since-time="_s + formatTimestamp(resume.timeNs);
        else
            argv << u"--tail="_s + lines;
        argv << spec.container;
        break;
    case LiveLogSpec::Kind::Journald:
        argv = {u"journalctl"_s};
        if (!spec.journalDirectory.isEmpty())
            argv << u"-D"_s << spec.journalDirectory;
        argv << u"-f"_s << u"-o"_s << u"json"_s;
        if (!resume.cursor.isEmpty())
            argv << u"--after-cursor="_s + resume.cursor;
        else
            argv << u"-n"_s << lines;
        if (!spec.unit.isEmpty())
            argv << u"-u"_s << spec.unit;
        break;
    }
    return request;
}

CommandRequest liveLogFileProbe(const LiveLogSpec &spec)
{
    CommandRequest request;
    request.argv = {u"stat"_s, u"-L"_s, u"-c"_s, u"%i %s"_s, u"--"_s, spec.path};
    request.sudo = spec.sudo;
    request.risk = Risk::Read;
    request.environment.insert(u"LC_ALL"_s, u"C"_s);
    return request;
}

std::optional<FileIdentity> parseFileProbe(QByteArrayView output)
{
    const QList<QByteArray> words = output.toByteArray().simplified().split(' ');
    if (words.size() != 2)
        return std::nullopt;
    bool inodeOk = false;
    bool sizeOk = false;
    FileIdentity identity{words[0].toULongLong(&inodeOk), words[1].toLongLong(&sizeOk)};
    if (!inodeOk || !sizeOk || identity.size < 0)
        return std::nullopt;
    return identity;
}

qsizetype tailNoteStart(QByteArrayView line)
{
    static const char *const phrases[] = {
        "has been replaced", "has appeared",      "file truncated",     "has become inaccessible",
        "cannot open",       "giving up on this", "no files remaining", "reverting to polling",
        "error reading",     "cannot follow"};
    const qsizetype start = line.lastIndexOf("tail: ");
    if (start < 0)
        return -1;
    const QByteArrayView note = line.sliced(start);
    for (const char *phrase : phrases) {
        if (note.contains(QByteArrayView(phrase)))
            return start;
    }
    return -1;
}

bool tailNoteRestartsFile(QByteArrayView note)
{
    return note.contains("following new file") || note.contains("file truncated");
}

// ---- Timestamps

std::optional<TimestampPrefix> parseTimestampPrefix(QByteArrayView text)
{
    // 2024-05-01T12:00:00
    const int year = digitsAt(text, 0, 4);
    const int month = digitsAt(text, 5, 2);
    const int day = digitsAt(text, 8, 2);
    const int hour = digitsAt(text, 11, 2);
    const int minute = digitsAt(text, 14, 2);
    const int second = digitsAt(text, 17, 2);
    if (year < 1700 || year > 2200 || month < 0 || day < 0 || hour < 0 || minute < 0 ||
        second < 0 || text[4] != '-' || text[7] != '-' || (text[10] != 'T' && text[10] != 't') ||
        text[13] != ':' || text[16] != ':' || hour > 23 || minute > 59 || second > 60)
        return std::nullopt;
    const QDate date(year, month, day);
    if (!date.isValid())
        return std::nullopt;
    qsizetype position = 19;
    qint64 fraction = 0;
    if (position < text.size() && (text[position] == '.' || text[position] == ',')) {
        ++position;
        int digits = 0;
        while (position < text.size() && text[position] >= '0' && text[position] <= '9') {
            if (digits < 9) {
                fraction = fraction * 10 + (text[position] - '0');
                ++digits;
            }
            ++position;
        }
        if (digits == 0)
            return std::nullopt;
        for (; digits < 9; ++digits)
            fraction *= 10;
    }
    if (position >= text.size())
        return std::nullopt;
    qint64 offsetSeconds = 0;
    if (text[position] == 'Z' || text[position] == 'z') {
        ++position;
    } else if (text[position] == '+' || text[position] == '-') {
        const int sign = text[position] == '-' ? -1 : 1;
        const int offsetHours = digitsAt(text, position + 1, 2);
        qsizetype minutesAt = position + 3;
        if (minutesAt < text.size() && text[minutesAt] == ':')
            ++minutesAt;
        const int offsetMinutes = digitsAt(text, minutesAt, 2);
        if (offsetHours < 0 || offsetHours > 23 || offsetMinutes < 0 || offsetMinutes > 59)
            return std::nullopt;
        offsetSeconds = sign * (offsetHours * 3600 + offsetMinutes * 60);
        position = minutesAt + 2;
    } else {
        return std::nullopt;
    }
    if (position < text.size()) {
        if (text[position] != ' ')
            return std::nullopt;
        ++position;
    }
    const qint64 days = date.toJulianDay() - QDate(1970, 1, 1).toJulianDay();
    const qint64 seconds = days * 86400 + hour * 3600 + minute * 60 + second - offsetSeconds;
    return TimestampPrefix{seconds * NanosecondsPerSecond + fraction, position};
}

QString formatTimestamp(qint64 timeNs)
{
    qint64 seconds = timeNs / NanosecondsPerSecond;
    qint64 fraction = timeNs % NanosecondsPerSecond;
    if (fraction < 0) {
        fraction += NanosecondsPerSecond;
        --seconds;
    }
    return QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC).toString(u"yyyy-MM-ddTHH:mm:ss"_s) +
           u'.' + u"%1"_s.arg(fraction, 9, 10, QLatin1Char('0')) + u'Z';
}

ParsedLiveLine parseLiveLine(LiveLogSpec::Kind kind, QByteArrayView text)
{
    ParsedLiveLine parsed;
    switch (kind) {
    case LiveLogSpec::Kind::File:
        parsed.line.text = text.toByteArray();
        return parsed;
    case LiveLogSpec::Kind::Journald:
        return parseJournalEntry(text);
    case LiveLogSpec::Kind::Compose: {
        // "web-1  | 2024-05-01T12:00:00.000000000Z message": the service stays, the time goes.
        const qsizetype bar = text.indexOf("| ");
        if (bar > 0) {
            const QByteArrayView rest = text.sliced(bar + 2);
            if (const auto prefix = parseTimestampPrefix(rest)) {
                parsed.line.text =
                    text.first(bar + 2).toByteArray() + rest.sliced(prefix->length).toByteArray();
                parsed.line.timeNs = prefix->timeNs;
                return parsed;
            }
        }
        break;
    }
    case LiveLogSpec::Kind::Docker:
    case LiveLogSpec::Kind::Podman:
    case LiveLogSpec::Kind::Kubernetes:
        break;
    }
    if (const auto prefix = parseTimestampPrefix(text)) {
        parsed.line.text = text.sliced(prefix->length).toByteArray();
        parsed.line.timeNs = prefix->timeNs;
    } else {
        parsed.line.text = text.toByteArray();
    }
    return parsed;
}

// ---- Line splitting

QList<QByteArray> LineSplitter::feed(QByteArrayView chunk, QList<qsizetype> *rawLengths)
{
    QList<QByteArray> lines;
    if (chunk.isEmpty())
        return lines;
    m_pending.append(chunk);
    const qsizetype lastEnd = m_pending.lastIndexOf('\n');
    if (lastEnd >= 0) {
        const QByteArrayView complete = QByteArrayView(m_pending).first(lastEnd + 1);
        forEachLine(complete, [&](QByteArrayView line, int) {
            if (rawLengths) {
                // Where this line ends in the stream: its text, a dropped '\r', the '\n'.
                const qsizetype start = line.data() - complete.data();
                rawLengths->append(complete.indexOf('\n', start + line.size()) + 1 - start);
            }
            lines.append(line.toByteArray());
        });
        m_pending.remove(0, lastEnd + 1);
    }
    while (m_pending.size() > MaximumLineBytes) {
        lines.append(m_pending.first(MaximumLineBytes));
        if (rawLengths)
            rawLengths->append(MaximumLineBytes);
        m_pending.remove(0, MaximumLineBytes);
    }
    return lines;
}

QByteArray LineSplitter::takeRest()
{
    QByteArray rest = std::exchange(m_pending, {});
    if (rest.endsWith('\r'))
        rest.chop(1);
    return rest;
}

// ---- LiveLogSource

LiveLogSource::LiveLogSource(LiveLogSpec spec, CommandRunner *runner, ExecutorLookup executors,
                             QObject *parent)
    : QObject(parent)
    , m_spec(std::move(spec))
    , m_runner(runner)
    , m_executors(std::move(executors))
{
    m_reconnectTimer.setSingleShot(true);
    connect(&m_reconnectTimer, &QTimer::timeout, this, &LiveLogSource::connectNow);
    m_countdownTimer.setInterval(1000);
    connect(&m_countdownTimer, &QTimer::timeout, this,
            [this] { Q_EMIT stateChanged(m_state, stateText()); });
    m_backlogTimer.setSingleShot(true);
    m_backlogTimer.setInterval(HistoryQuietMs);
    connect(&m_backlogTimer, &QTimer::timeout, this, &LiveLogSource::finishBacklog);
}

LiveLogSource::~LiveLogSource()
{
    m_stopping = true;
    delete std::exchange(m_probe, nullptr);
    delete std::exchange(m_run, nullptr);
}

void LiveLogSource::setBuffer(LiveLogBuffer *buffer, int sourceIndex)
{
    m_buffer = buffer;
    m_sourceIndex = sourceIndex;
}

void LiveLogSource::setReconnectDelays(int firstMs, int longestMs)
{
    m_firstDelayMs = std::max(firstMs, 1);
    m_longestDelayMs = std::max(longestMs, m_firstDelayMs);
}

QString LiveLogSource::stateText() const
{
    switch (m_state) {
    case State::Idle:
        return tr("Stopped");
    case State::Connecting:
        return tr("Connecting to %1…").arg(m_spec.host);
    case State::Following:
        return tr("Following");
    case State::Paused:
        return tr("Paused: %n line(s) waiting", nullptr, int(m_held.size()));
    case State::Reconnecting:
        return tr("Reconnecting in %1 s: %2").arg(reconnectSeconds()).arg(m_reason);
    case State::Ended:
        return tr("Ended: the log has no more lines");
    case State::Failed:
        return tr("Failed: %1").arg(m_reason);
    }
    return {};
}

int LiveLogSource::reconnectSeconds() const
{
    if (m_state != State::Reconnecting)
        return 0;
    const qint64 left = m_reconnectDelayMs - m_reconnectClock.elapsed();
    return int(std::max<qint64>((left + 999) / 1000, 0));
}

void LiveLogSource::start()
{
    if (m_state != State::Idle && m_state != State::Failed && m_state != State::Ended)
        return;
    m_stopping = false;
    m_attempt = 0;
    connectNow();
}

void LiveLogSource::stop()
{
    m_stopping = true;
    m_reconnectTimer.stop();
    m_countdownTimer.stop();
    if (CommandRun *probe = std::exchange(m_probe, nullptr)) {
        probe->cancel();
        probe->deleteLater();
    }
    if (CommandRun *run = std::exchange(m_run, nullptr)) {
        run->cancel();
        run->deleteLater();
    }
    finishBacklog();
    m_out.clear();
    m_err.clear();
    resume();
    setState(State::Idle);
}

void LiveLogSource::pause()
{
    if (m_paused)
        return;
    m_paused = true;
    if (m_state == State::Following)
        setState(State::Paused);
}

void LiveLogSource::resume()
{
    if (!m_paused)
        return;
    m_paused = false;
    deliver(std::exchange(m_held, {}));
    if (m_state == State::Paused)
        setState(State::Following);
}

void LiveLogSource::connectNow()
{
    m_reconnectTimer.stop();
    m_countdownTimer.stop();
    Executor *executor = m_executors ? m_executors(m_spec.host) : nullptr;
    if (!executor) {
        fail(tr("%1 is not a host of the workspace").arg(m_spec.host));
        return;
    }
    setState(State::Connecting);
    if (m_spec.kind == LiveLogSpec::Kind::File) {
        probeFile(executor);
        return;
    }
    // Lines up to the newest time seen are in the buffer already (see isDuplicate()).
    m_dedupeBefore = m_resume.timeNs;
    m_dedupeAt = m_seenAtLatest;
    startStream(executor, liveLogCommand(m_spec, m_resume));
}

void LiveLogSource::probeFile(Executor *executor)
{
    auto output = std::make_shared<QByteArray>();
    CommandRun *probe = m_runner->run(executor, liveLogFileProbe(m_spec), this);
    m_probe = probe;
    connect(probe, &CommandRun::standardOutput, this,
            [output](const QByteArray &data) { output->append(data); });
    connect(probe, &CommandRun::finished, this, [this, probe, output](const CommandResult &result) {
        if (m_probe != probe)
            return;
        m_probe = nullptr;
        probe->deleteLater();
        if (result.outcome == CommandResult::Outcome::Failed) {
            // Not run at all, or the connection broke: tail would fare no better.
            scheduleReconnect(result.error);
            return;
        }
        onProbeFinished(*output, result.succeeded());
    });
}

void LiveLogSource::onProbeFinished(const QByteArray &output, bool succeeded)
{
    Executor *executor = m_executors ? m_executors(m_spec.host) : nullptr;
    if (!executor) {
        fail(tr("%1 is not a host of the workspace").arg(m_spec.host));
        return;
    }
    const std::optional<FileIdentity> now = succeeded ? parseFileProbe(output) : std::nullopt;
    LiveLogSpec spec = m_spec;
    LiveLogResume resume;
    m_backlogEnd = -1;
    m_skipFirstLine = false;
    m_backlog.clear();
    if (!m_historyRead) {
        if (now) {
            // The file's tail from a byte offset rather than `tail -n`: the offset is then known
            // from the first byte, for a reconnect without duplicates.
            const qint64 window = spec.initialLines <= 0
                                      ? 0
                                      : std::clamp(spec.initialLines * HistoryBytesPerLine,
                                                   MinimumHistoryBytes, MaximumHistoryBytes);
            resume.fileOffset = std::max<qint64>(now->size - window, 0);
            if (resume.fileOffset < now->size)
                m_backlogEnd = now->size;
            m_skipFirstLine = resume.fileOffset > 0;
        }
    } else if (m_resume.fileOffset >= 0) {
        const bool replaced = now && m_file && now->inode != m_file->inode;
        const bool truncated = now && now->size < m_resume.fileOffset;
        // A file replaced or truncated while the stream was down is new from its first byte.
        resume.fileOffset = replaced || truncated ? 0 : m_resume.fileOffset;
    } else {
        // Where the last stream stopped is not known: from the end, so nothing comes twice.
        spec.initialLines = 0;
    }
    m_file = now;
    m_streamOffset = resume.fileOffset;
    m_resume.fileOffset = resume.fileOffset;
    startStream(executor, liveLogCommand(spec, resume));
}

void LiveLogSource::startStream(Executor *executor, const CommandRequest &request)
{
    const RiskAssessment judged = CommandRunner::assess(request);
    if (judged.risk != Risk::Read) {
        fail(tr("the command is not read-only (%1)").arg(judged.reason));
        return;
    }
    m_out.clear();
    m_err.clear();
    m_newLinesThisRun = 0;
    m_toolMessageThisRun = false;
    m_runClock.start();
    CommandRun *run = m_runner->run(executor, request, this);
    m_run = run;
    connect(run, &CommandRun::started, this, [this, run] {
        if (m_run == run && m_state == State::Connecting)
            setState(m_paused ? State::Paused : State::Following);
    });
    connect(run, &CommandRun::standardOutput, this, [this, run](const QByteArray &data) {
        if (m_run == run)
            onOutput(data, false);
    });
    connect(run, &CommandRun::standardError, this, [this, run](const QByteArray &data) {
        if (m_run == run)
            onOutput(data, true);
    });
    connect(run, &CommandRun::finished, this, [this, run](const CommandResult &result) {
        if (m_run != run)
            return;
        m_run = nullptr;
        run->deleteLater();
        onStreamFinished(result);
    });
    if (m_backlogEnd >= 0)
        m_backlogTimer.start();
}

void LiveLogSource::onOutput(const QByteArray &data, bool isStandardError)
{
    if (m_state == State::Connecting)
        setState(m_paused ? State::Paused : State::Following);
    QList<LiveLine> lines;
    if (m_spec.kind == LiveLogSpec::Kind::File && !isStandardError) {
        // From the first byte on, a reconnect continues rather than reading history again.
        m_historyRead = true;
        // The offset counts whole lines of the file: a reconnect re-reads an unfinished last
        // line whole, and tail's notes are not the file's bytes.
        QList<qsizetype> rawLengths;
        const QList<QByteArray> texts = m_out.feed(data, &rawLengths);
        for (qsizetype i = 0; i < texts.size(); ++i) {
            const QByteArray &text = texts[i];
            const qsizetype noteStart = tailNoteStart(text);
            if (noteStart < 0) {
                if (m_streamOffset >= 0)
                    m_streamOffset += rawLengths[i];
                handleLine(text, false, &lines);
                continue;
            }
            if (noteStart > 0) {
                // The old file's last line had no line end; tail's note follows it.
                if (m_streamOffset >= 0)
                    m_streamOffset += noteStart;
                handleLine(text.first(noteStart), false, &lines);
            }
            if (tailNoteRestartsFile(QByteArrayView(text).sliced(noteStart))) {
                if (m_backlogEnd >= 0) {
                    m_backlog.append(std::exchange(lines, {}));
                    finishBacklog();
                }
                m_streamOffset = 0;
                m_file.reset();
            }
            handleToolMessage(text.sliced(noteStart));
        }
        if (m_streamOffset >= 0)
            m_resume.fileOffset = m_streamOffset;
    } else {
        const QList<QByteArray> texts = isStandardError ? m_err.feed(data) : m_out.feed(data);
        for (const QByteArray &text : texts)
            handleLine(text, isStandardError, &lines);
    }
    if (m_backlogEnd >= 0 && !isStandardError) {
        m_backlog.append(lines);
        m_backlogTimer.start();
        if (m_resume.fileOffset >= m_backlogEnd)
            finishBacklog();
        return;
    }
    deliver(std::move(lines));
}

void LiveLogSource::handleLine(const QByteArray &text, bool isStandardError, QList<LiveLine> *out)
{
    switch (m_spec.kind) {
    case LiveLogSpec::Kind::File: {
        if (isStandardError) {
            handleToolMessage(text);
            return;
        }
        LiveLine line{text};
        if (m_timestamps) {
            if (const std::optional<QDateTime> time = m_timestamps(text); time && time->isValid())
                line.timeNs = time->toMSecsSinceEpoch() * NanosecondsPerMillisecond;
        }
        out->append(std::move(line));
        return;
    }
    case LiveLogSpec::Kind::Journald: {
        ParsedLiveLine parsed = parseLiveLine(m_spec.kind, text);
        if (isStandardError || !parsed.isLogLine) {
            handleToolMessage(text);
            return;
        }
        if (!parsed.cursor.isEmpty())
            m_resume.cursor = QString::fromUtf8(parsed.cursor);
        out->append(std::move(parsed.line));
        return;
    }
    case LiveLogSpec::Kind::Docker:
    case LiveLogSpec::Kind::Podman:
    case LiveLogSpec::Kind::Compose:
    case LiveLogSpec::Kind::Kubernetes:
        break;
    }
    ParsedLiveLine parsed = parseLiveLine(m_spec.kind, text);
    if (!parsed.line.hasTime()) {
        // With --timestamps every line of the container has one: this is the tool speaking
        // ("Error response from daemon: ..."), unless it came on stdout.
        if (isStandardError) {
            handleToolMessage(text);
            return;
        }
        out->append(std::move(parsed.line));
        return;
    }
    if (isDuplicate(parsed.line))
        return;
    remember(parsed.line);
    out->append(std::move(parsed.line));
}

void LiveLogSource::handleToolMessage(const QByteArray &text)
{
    const QString message = QString::fromUtf8(text).trimmed();
    if (message.isEmpty())
        return;
    m_lastToolMessage = message;
    m_toolMessageThisRun = true;
}

bool LiveLogSource::isDuplicate(const LiveLine &line)
{
    if (m_dedupeBefore == LiveLine::NoTime)
        return false;
    if (line.timeNs < m_dedupeBefore)
        return true;
    if (line.timeNs == m_dedupeBefore) {
        const qsizetype seen = m_dedupeAt.indexOf(line.text);
        if (seen >= 0) {
            m_dedupeAt.removeAt(seen);
            return true;
        }
    }
    return false;
}

void LiveLogSource::remember(const LiveLine &line)
{
    if (m_resume.timeNs == LiveLine::NoTime || line.timeNs > m_resume.timeNs) {
        m_resume.timeNs = line.timeNs;
        m_seenAtLatest = {line.text};
    } else if (line.timeNs == m_resume.timeNs && m_seenAtLatest.size() < MaximumLinesRemembered) {
        m_seenAtLatest.append(line.text);
    }
}

void LiveLogSource::finishBacklog()
{
    m_backlogTimer.stop();
    if (m_backlogEnd < 0)
        return;
    m_backlogEnd = -1;
    QList<LiveLine> lines = std::exchange(m_backlog, {});
    // The history starts inside a line: its first line is a piece.
    if (m_skipFirstLine && !lines.isEmpty())
        lines.removeFirst();
    m_skipFirstLine = false;
    const qsizetype wanted = std::max(m_spec.initialLines, 0);
    if (lines.size() > wanted)
        lines = lines.mid(lines.size() - wanted);
    deliver(std::move(lines));
}

void LiveLogSource::deliver(QList<LiveLine> lines)
{
    if (lines.isEmpty())
        return;
    m_newLinesThisRun += lines.size();
    if (m_paused) {
        m_held.append(std::move(lines));
        const qsizetype excess = m_held.size() - m_maximumHeld;
        if (excess > 0) {
            m_held.remove(0, excess);
            m_heldDropped += excess;
        }
        if (m_state == State::Paused) // the status bar counts the lines waiting
            Q_EMIT stateChanged(m_state, stateText());
        return;
    }
    if (m_buffer)
        m_buffer->append(m_sourceIndex, lines);
    Q_EMIT linesReceived(lines);
}

void LiveLogSource::onStreamFinished(const CommandResult &result)
{
    if (m_stopping)
        return;
    if (m_backlogEnd >= 0)
        finishBacklog();
    if (const QByteArray rest = m_err.takeRest(); !rest.isEmpty())
        handleToolMessage(rest);
    if (m_spec.kind == LiveLogSpec::Kind::Kubernetes && m_spec.previous && result.succeeded()) {
        // A previous container's log is complete: there is nothing to reconnect to.
        QList<LiveLine> lines;
        if (const QByteArray rest = m_out.takeRest(); !rest.isEmpty())
            handleLine(rest, false, &lines);
        deliver(std::move(lines));
        setState(State::Ended);
        return;
    }
    // An unfinished last line comes again whole after the reconnect.
    m_out.clear();
    if (result.outcome == CommandResult::Outcome::Exited && result.exitCode == 127) {
        fail(tr("%1 is not installed on %2").arg(programOf(m_spec.kind), m_spec.host));
        return;
    }
    QString reason = result.error;
    if (reason.isEmpty() && m_toolMessageThisRun)
        reason = m_lastToolMessage;
    if (reason.isEmpty())
        reason = tr("the stream ended (%1)").arg(result.summary());
    scheduleReconnect(reason);
}

void LiveLogSource::scheduleReconnect(const QString &reason)
{
    if (m_newLinesThisRun > 0 || m_runClock.elapsed() >= HealthyRunMs)
        m_attempt = 0;
    const qint64 delay =
        std::min<qint64>(qint64(m_firstDelayMs) << std::min(m_attempt, 20), m_longestDelayMs);
    ++m_attempt;
    m_reconnectDelayMs = int(delay);
    m_reconnectClock.start();
    m_reconnectTimer.start(m_reconnectDelayMs);
    setState(State::Reconnecting, reason);
    m_countdownTimer.start();
}

void LiveLogSource::setState(State state, const QString &reason)
{
    if (state != State::Reconnecting)
        m_countdownTimer.stop();
    if (state == m_state && reason == m_reason)
        return;
    m_state = state;
    m_reason = reason;
    Q_EMIT stateChanged(m_state, stateText());
}

void LiveLogSource::fail(const QString &reason)
{
    m_reconnectTimer.stop();
    setState(State::Failed, reason);
}

} // namespace OpsDeck
