// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/persistence/statestore.h"

#include <QDebug>
#include <QObject>
#include <QProcess>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QTest>
#include <QVariant>

#include <optional>
#include <signal.h>

// Helpers for the tests of the state store and the domain stores built on it: a second, plain
// SQLite connection to look at the file as another process would, waiting for a store's answer,
// and a writer process to kill.
namespace StateTesting {

using OpsDeck::StateStore;

// A second, independent connection in the test's thread: what another process would see.
class PlainConnection final
{
public:
    explicit PlainConnection(const QString &path)
        : m_name(QStringLiteral("tst-plain-%1").arg(++s_counter))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        m_ok = db.open();
    }
    ~PlainConnection()
    {
        {
            QSqlDatabase db = database();
            db.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }
    PlainConnection(const PlainConnection &) = delete;
    PlainConnection &operator=(const PlainConnection &) = delete;

    bool isOpen() const { return m_ok; }
    QSqlDatabase database() const { return QSqlDatabase::database(m_name, false); }

    // First column of the first row; an invalid QVariant when the statement fails.
    QVariant scalar(const QString &sql, const QVariantList &values = {}) const
    {
        QSqlQuery query(database());
        query.prepare(sql);
        for (const QVariant &value : values)
            query.addBindValue(value);
        if (!query.exec()) {
            qWarning() << "query failed:" << sql << query.lastError().text();
            return {};
        }
        return query.next() ? query.value(0) : QVariant();
    }

    // quiet: for statements that are expected to fail.
    bool exec(const QString &sql, bool quiet = false) const
    {
        QSqlQuery query(database());
        if (query.exec(sql))
            return true;
        if (!quiet)
            qWarning() << "statement failed:" << sql << query.lastError().text();
        return false;
    }

    QStringList column(const QString &sql) const
    {
        QStringList values;
        QSqlQuery query(database());
        if (!query.exec(sql))
            return values;
        while (query.next())
            values.append(query.value(0).toString());
        return values;
    }

private:
    static inline int s_counter = 0;
    QString m_name;
    bool m_ok = false;
};

// Calls call(context, done) with a context of its own and waits for done's answer: the result,
// or std::nullopt when none came in time (the context is gone then, so a late one is dropped).
//   waitFor<qint64>([&](QObject *context, auto done) { log.begin(entry, context, done); })
template<typename T, typename Call>
std::optional<OpsDeck::StoreResult<T>> waitFor(Call &&call, int timeoutMs = 10000)
{
    QObject context;
    std::optional<OpsDeck::StoreResult<T>> answer;
    call(&context, OpsDeck::StateStore::Done<T>(
                       [&answer](const OpsDeck::StoreResult<T> &result) { answer = result; }));
    if (!QTest::qWaitFor([&] { return answer.has_value(); }, timeoutMs))
        qWarning() << "no answer from the state store within" << timeoutMs << "ms";
    return answer;
}

// The value of an answer that came and succeeded; otherwise a warning and fallback.
template<typename T>
T valueOr(const std::optional<OpsDeck::StoreResult<T>> &answer, T fallback)
{
    if (!answer)
        return fallback;
    if (!answer->ok()) {
        qWarning() << "state store failed:" << answer->error();
        return fallback;
    }
    return answer->value();
}

// The error of an answer that came and failed; a null string when none came or it succeeded.
template<typename T>
QString errorOf(const std::optional<OpsDeck::StoreResult<T>> &answer)
{
    return answer && !answer->ok() ? answer->error() : QString();
}

// Opens store on path and waits for the answer; error gets the store's message.
inline bool openStore(StateStore &store, const QString &path, QString *error = nullptr)
{
    const auto opened = waitFor<QString>(
        [&](QObject *context, auto done) { store.open(path, context, std::move(done)); });
    if (error)
        *error = opened ? opened->error() : QStringLiteral("no answer to open()");
    return opened && opened->ok();
}

// A writer process for the SIGKILL tests. It prints one committed id per line (and may print
// "name value" lines); it is killed with SIGKILL once enough ids are out, and every line it
// printed completely is kept. A partial last line does not count: that id was not shown.
class KilledWriter
{
public:
    // False, with the reason in *error, when the writer did not start, ended by itself before
    // printing atLeast ids, or did not die of the signal.
    bool runAndKill(const QString &program, const QStringList &arguments, int atLeast,
                    QString *error)
    {
        QProcess writer;
        writer.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        QObject::connect(&writer, &QProcess::readyReadStandardOutput,
                         [&] { read(writer.readAllStandardOutput()); });
        writer.start(program, arguments);
        if (!writer.waitForStarted(10000)) {
            *error = writer.errorString();
            return false;
        }
        (void)QTest::qWaitFor(
            [&] { return m_ids.size() >= atLeast || writer.state() == QProcess::NotRunning; },
            60000); // the state below says which it was
        if (writer.state() != QProcess::Running) {
            *error = QStringLiteral("the writer ended by itself after %1 ids").arg(m_ids.size());
            return false;
        }
        ::kill(static_cast<pid_t>(writer.processId()), SIGKILL);
        if (!writer.waitForFinished(10000) || writer.exitStatus() != QProcess::CrashExit) {
            *error = QStringLiteral("the writer did not die of SIGKILL");
            return false;
        }
        read(writer.readAllStandardOutput());
        return true;
    }

    const QList<qint64> &ids() const { return m_ids; }
    QString value(const QByteArray &name) const { return m_values.value(name); }
    const QStringList &badLines() const { return m_badLines; }

private:
    void read(const QByteArray &data)
    {
        m_pending += data;
        qsizetype newline = 0;
        while ((newline = m_pending.indexOf('\n')) >= 0) {
            const QByteArray line = m_pending.left(newline);
            m_pending.remove(0, newline + 1);
            bool ok = false;
            const qint64 id = line.toLongLong(&ok);
            if (ok && id > 0) {
                m_ids.append(id);
            } else if (const qsizetype space = line.indexOf(' '); space > 0) {
                m_values.insert(line.left(space), QString::fromUtf8(line.mid(space + 1)));
            } else {
                m_badLines.append(QString::fromUtf8(line));
            }
        }
    }

    QByteArray m_pending;
    QList<qint64> m_ids;
    QHash<QByteArray, QString> m_values;
    QStringList m_badLines;
};

} // namespace StateTesting
