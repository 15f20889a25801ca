// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/audit/auditlog.h"
#include "models/core/risk.h"
#include "models/persistence/statestore.h"
#include "models/remote/commandrunner.h"
#include "models/remote/executor.h"
#include "models/workspace/workspace.h"

#include <QSignalSpy>
#include <QStringList>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <optional>

// Helpers shared by the executor tests (local and SSH): build requests, run one to its end
// and keep what came out.
namespace CommandTesting {

struct Collected {
    QByteArray out;
    QByteArray err;
    OpsDeck::CommandResult result;
    bool finished = false;
};

inline Collected runToEnd(OpsDeck::Executor &executor, const OpsDeck::CommandRequest &request,
                          int timeoutMs = 30000)
{
    Collected collected;
    std::unique_ptr<OpsDeck::CommandRun> run(executor.start(request, nullptr));
    QObject::connect(run.get(), &OpsDeck::CommandRun::standardOutput,
                     [&](const QByteArray &data) { collected.out += data; });
    QObject::connect(run.get(), &OpsDeck::CommandRun::standardError,
                     [&](const QByteArray &data) { collected.err += data; });
    QSignalSpy finished(run.get(), &OpsDeck::CommandRun::finished);
    collected.finished = run->isFinished() || finished.wait(timeoutMs);
    collected.result = run->result();
    return collected;
}

inline OpsDeck::CommandRequest argv(const QStringList &arguments)
{
    OpsDeck::CommandRequest request;
    request.argv = arguments;
    return request;
}

inline OpsDeck::CommandRequest script(const QString &text)
{
    OpsDeck::CommandRequest request;
    request.script = text;
    return request;
}

// The path every command of the application takes: the audit log in a state store on a
// throwaway file, read-only mode (off until a test turns it on) and the runner.
struct AuditedRunner {
    QTemporaryDir directory;
    OpsDeck::StateStore store;
    OpsDeck::AuditLog auditLog{&store};
    OpsDeck::ReadOnlyMode readOnly{false};
    OpsDeck::CommandRunner runner{&auditLog, &readOnly};

    // Opens the store and waits for it; false when it did not open.
    bool open()
    {
        QObject context;
        std::optional<bool> opened;
        store.open(
            directory.filePath(QStringLiteral("state.sqlite")), &context,
            [&opened](const OpsDeck::StoreResult<QString> &result) { opened = result.ok(); });
        return QTest::qWaitFor([&] { return opened.has_value(); }, 10000) && *opened;
    }

    // The audit log's rows, newest first; std::nullopt when it could not be read.
    std::optional<QList<OpsDeck::AuditEntry>> entries(const OpsDeck::AuditQuery &filter = {})
    {
        QObject context;
        std::optional<OpsDeck::StoreResult<QList<OpsDeck::AuditEntry>>> answer;
        auditLog.query(filter, &context,
                       [&answer](const OpsDeck::StoreResult<QList<OpsDeck::AuditEntry>> &result) {
                           answer = result;
                       });
        if (!QTest::qWaitFor([&] { return answer.has_value(); }, 10000) || !answer->ok())
            return std::nullopt;
        return answer->value();
    }
};

// A workspace of one host: this computer, without SSH.
inline OpsDeck::Workspace localWorkspace(const QString &hostName)
{
    OpsDeck::Host host;
    host.name = hostName;
    host.connection = OpsDeck::ConnectionKind::Local;
    OpsDeck::Environment environment;
    environment.name = QStringLiteral("local");
    environment.hosts.append(host);
    OpsDeck::Workspace workspace;
    workspace.environments.append(environment);
    return workspace;
}

} // namespace CommandTesting
