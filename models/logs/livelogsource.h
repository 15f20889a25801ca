// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/logs/livelogbuffer.h"
#include "models/remote/executor.h"
#include "models/workspace/workspace.h"

#include <QByteArrayView>
#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>
#include <limits>
#include <optional>

namespace OpsDeck {

class CommandRun;
class CommandRunner;

// What to follow, and on which host.
struct LiveLogSpec {
    enum class Kind {
        File,       // tail -F PATH
        Docker,     // docker logs -f CONTAINER
        Podman,     // podman logs -f CONTAINER
        Compose,    // docker compose logs -f [SERVICE]
        Kubernetes, // kubectl logs -f POD
        Journald,   // journalctl -f -o json
    };
    Kind kind = Kind::File;
    QString host; // the workspace's name for the host
    QString name; // the source's name in a merged view
    QString path; // File
    // Docker, Podman: the container; Compose: the service (empty: every service); Kubernetes:
    // the pod, or TYPE/NAME (deploy/web).
    QString container;
    QString composeFile;      // Compose: -f FILE
    QString projectDirectory; // Compose: --project-directory DIR
    QString kubeNamespace;    // Kubernetes: -n NAMESPACE (empty: the context's)
    QString kubeContext;      // Kubernetes: --context CONTEXT (empty: the current one)
    QString engineEndpoint;   // Docker: -H ENDPOINT; Podman: --url ENDPOINT (empty: default)
    QString kubeContainer;    // Kubernetes: -c CONTAINER
    bool previous = false;    // Kubernetes: the previous container's log, which ends
    QString unit;             // Journald: -u UNIT (empty: the whole journal)
    QString journalDirectory; // Journald: -D DIR instead of the system journal
    int initialLines = 200;   // lines of history shown before following
    bool sudo = false;

    friend bool operator==(const LiveLogSpec &, const LiveLogSpec &) = default;
};

// Where a stream picks up again after a drop, so no line arrives twice.
struct LiveLogResume {
    // The commands ask for lines from timeNs (docker, podman: from one nanosecond before, so
    // that lines sharing that instant come again); the source drops what it has seen.
    qint64 fileOffset = -1;           // File: the byte to start at; -1: not known
    qint64 timeNs = LiveLine::NoTime; // containers, Kubernetes: the newest line's time
    QString cursor;                   // Journald: __CURSOR of the last entry
};

// The workspace's log source as a live spec; nullopt with *whyNot set when it cannot be
// followed (a glob: that is for the file viewer).
std::optional<LiveLogSpec> liveLogSpecFor(const QString &hostName, const LogSource &source,
                                          QString *whyNot = nullptr);

// The command that follows spec, from resume when it says where (see LiveLogResume), else with
// spec.initialLines of history. Always judged Read by the safety gate. For File a script,
// `exec tail ... 2>&1`: tail's notes about rotation then arrive in order with the file's bytes.
CommandRequest liveLogCommand(const LiveLogSpec &spec, const LiveLogResume &resume = {});
// For File: `stat -L -c '%i %s' -- PATH`, whose answer parseFileProbe() reads.
CommandRequest liveLogFileProbe(const LiveLogSpec &spec);

struct FileIdentity {
    quint64 inode = 0;
    qint64 size = 0;
    friend bool operator==(const FileIdentity &, const FileIdentity &) = default;
};
std::optional<FileIdentity> parseFileProbe(QByteArrayView output);

// A note GNU tail (LC_ALL=C) writes among the lines of `tail -F ... 2>&1`: where it starts in
// line (a file's last line without a line end may come first), or -1 for a line of the file.
qsizetype tailNoteStart(QByteArrayView line);
// Whether that note says tail now reads a new or truncated file from its first byte.
bool tailNoteRestartsFile(QByteArrayView note);

// RFC 3339 as docker, podman and kubectl print it ("2024-05-01T12:00:00.123456789Z", any
// fraction, Z or ±hh:mm) at the start of text, then one space. The time in nanoseconds since
// the epoch and the bytes taken, the space included.
struct TimestampPrefix {
    qint64 timeNs = LiveLine::NoTime;
    qsizetype length = 0;
};
std::optional<TimestampPrefix> parseTimestampPrefix(QByteArrayView text);
// The form the tools take for --since and --since-time: UTC, nine fraction digits.
QString formatTimestamp(qint64 timeNs);

// One line of a tool's output, read as its kind writes it.
struct ParsedLiveLine {
    LiveLine line;
    QByteArray cursor;     // Journald: the entry's __CURSOR
    bool isLogLine = true; // false: not a line of the log (a journald line that is not JSON)
};
// Docker, Podman, Kubernetes: the timestamp prefix stripped into line.timeNs. Compose: the same
// after the "service  | " prefix, which stays. Journald (-o json): a compact JSON object of the
// fields a reader uses (MESSAGE, PRIORITY, SYSLOG_IDENTIFIER, _PID, _SYSTEMD_UNIT,
// __REALTIME_TIMESTAMP; the JournaldJson format), time from __REALTIME_TIMESTAMP. File: as is.
ParsedLiveLine parseLiveLine(LiveLogSpec::Kind kind, QByteArrayView text);

// Cuts a stream into lines as it arrives: '\n' ends a line, a '\r' before it is dropped (also
// when the two arrive in different chunks), an unfinished last line waits for the rest. A line
// longer than MaximumLineBytes is cut there, so a stream without line ends cannot grow it
// without bound.
class LineSplitter
{
public:
    static constexpr qsizetype MaximumLineBytes = 4 * 1024 * 1024;

    // rawLengths, when given, gets each line's bytes in the stream (its line end included).
    QList<QByteArray> feed(QByteArrayView chunk, QList<qsizetype> *rawLengths = nullptr);
    // The unfinished last line (without a trailing '\r'), and empties the splitter.
    QByteArray takeRest();
    qsizetype pendingBytes() const { return m_pending.size(); }
    void clear() { m_pending.clear(); }

private:
    QByteArray m_pending;
};

// Follows one live source through the CommandRunner (audited; refused unless judged Read) and
// appends its lines to a LiveLogBuffer (and linesReceived()).
//
// After a drop (the connection, the process, the container's log ending) it reconnects with
// back-off (1 s doubling to 30 s; back to 1 s once a stream delivered lines) and picks up where
// it stopped, so no line arrives twice:
// - File: `tail -c +N -F` from the byte after the last whole line received, the file's inode and
//   size checked first with stat (a file replaced or truncated meanwhile is read from its
//   start). The first connect reads the tail of the file the same way, so the offset is exact
//   from the start. Rotation while following: tail -F reopens the file and says so (LC_ALL=C,
//   stderr merged into stdout so the note comes exactly between the old file's bytes and the
//   new one's), and the count starts again at 0. Where stat fails, `tail -n N -F` with no offset
//   and, after a drop, `tail -n 0 -F`: no duplicates, but lines written during the gap are lost.
// - Docker, Podman, Compose, Kubernetes: `--since`/`--since-time` the newest timestamp seen;
//   lines older than it are dropped, and lines at that very time only if they were seen already.
//   podman stamps every line it read in one go with one time and its --since excludes that
//   instant, so docker and podman are asked from one nanosecond before it; kubectl's
//   --since-time is whole seconds.
// - Journald: `--after-cursor` the last entry's cursor.
//
// Pause keeps the stream running and holds what arrives (up to maximumHeldLines(), the oldest
// dropped beyond it) until resume() appends it: a pause is for reading during an incident,
// seconds or minutes, and stopping would cost a new command, audit row and SSH round trip per
// pause and leave the lines of the gap to the resume logic (best effort across a rotation).
class LiveLogSource final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LiveLogSource)

public:
    enum class State {
        Idle,         // not started, or stopped
        Connecting,   // the command is on its way
        Following,    // lines arrive as they are written
        Paused,       // following, lines held until resume()
        Reconnecting, // the stream dropped; next try in reconnectSeconds()
        Ended,        // the source has no more lines (a previous container's log)
        Failed,       // cannot follow: stateText() says why
    };
    Q_ENUM(State)

    using ExecutorLookup = std::function<Executor *(const QString &hostName)>;
    // For File lines: the time a line states (the coordinator wires parseLogLine here).
    using TimestampFunction = std::function<std::optional<QDateTime>(QByteArrayView line)>;

    LiveLogSource(LiveLogSpec spec, CommandRunner *runner, ExecutorLookup executors,
                  QObject *parent = nullptr);
    ~LiveLogSource() override;

    const LiveLogSpec &spec() const { return m_spec; }
    // Lines go to buffer as source sourceIndex (LogLine::source).
    void setBuffer(LiveLogBuffer *buffer, int sourceIndex);
    void setTimestampFunction(TimestampFunction function) { m_timestamps = std::move(function); }
    // Back-off between tries: first delay, doubled up to the longest.
    void setReconnectDelays(int firstMs, int longestMs);
    qint64 maximumHeldLines() const { return m_maximumHeld; }
    void setMaximumHeldLines(qint64 lines) { m_maximumHeld = std::max<qint64>(lines, 1); }

    State state() const { return m_state; }
    // For the status bar: "Following", "Reconnecting in 4 s: connection lost", "Failed: ...".
    QString stateText() const;
    int reconnectSeconds() const;
    // The tool's last message on stderr that was not a log line ("tail: ... has been replaced").
    QString lastToolMessage() const { return m_lastToolMessage; }
    const LiveLogResume &resumePoint() const { return m_resume; }
    qint64 heldLineCount() const { return m_held.size(); }
    qint64 heldLinesDropped() const { return m_heldDropped; }
    bool isPaused() const { return m_paused; }

    void start();
    void stop();
    void pause();
    void resume();

Q_SIGNALS:
    // Also each second while reconnecting (the countdown) and as lines wait while paused.
    void stateChanged(OpsDeck::LiveLogSource::State state, const QString &text);
    void linesReceived(const QList<OpsDeck::LiveLine> &lines);

private:
    void connectNow();
    void probeFile(Executor *executor);
    void onProbeFinished(const QByteArray &output, bool succeeded);
    void startStream(Executor *executor, const CommandRequest &request);
    void onOutput(const QByteArray &data, bool isStandardError);
    void onStreamFinished(const CommandResult &result);
    void handleLine(const QByteArray &text, bool isStandardError, QList<LiveLine> *out);
    void handleToolMessage(const QByteArray &text);
    bool isDuplicate(const LiveLine &line);
    void remember(const LiveLine &line);
    void finishBacklog();
    void deliver(QList<LiveLine> lines);
    void scheduleReconnect(const QString &reason);
    void setState(State state, const QString &reason = {});
    void fail(const QString &reason);

    LiveLogSpec m_spec;
    CommandRunner *m_runner;
    ExecutorLookup m_executors;
    QPointer<LiveLogBuffer> m_buffer;
    int m_sourceIndex = 0;
    TimestampFunction m_timestamps;

    State m_state = State::Idle;
    QString m_reason;
    QString m_lastToolMessage;
    CommandRun *m_run = nullptr;
    CommandRun *m_probe = nullptr;
    bool m_stopping = false;
    bool m_paused = false;
    LineSplitter m_out;
    LineSplitter m_err;
    QElapsedTimer m_runClock;
    qint64 m_newLinesThisRun = 0;

    // Resume bookkeeping.
    LiveLogResume m_resume;
    std::optional<FileIdentity> m_file; // File: what stat said at the last connect
    qint64 m_streamOffset = -1;         // File: the byte the stream's next byte is at
    qint64 m_backlogEnd = -1;           // File: history ends here; then keep the last N lines
    bool m_skipFirstLine = false;       // File: history starts inside a line
    QList<LiveLine> m_backlog;
    QTimer m_backlogTimer;
    bool m_historyRead = false; // File: output came; reconnects continue from the offset
    bool m_toolMessageThisRun = false;
    // Timestamped kinds: the lines seen at m_resume.timeNs, and after a reconnect the point and
    // the lines that are duplicates if they come again.
    QList<QByteArray> m_seenAtLatest;
    qint64 m_dedupeBefore = LiveLine::NoTime;
    QList<QByteArray> m_dedupeAt;

    QList<LiveLine> m_held;
    qint64 m_maximumHeld = LiveLogBuffer::DefaultMaximumLines;
    qint64 m_heldDropped = 0;

    int m_attempt = 0;
    int m_firstDelayMs = 1000;
    int m_longestDelayMs = 30000;
    QTimer m_reconnectTimer;
    QTimer m_countdownTimer;
    QElapsedTimer m_reconnectClock;
    int m_reconnectDelayMs = 0;
};

} // namespace OpsDeck

Q_DECLARE_METATYPE(OpsDeck::LiveLine)
