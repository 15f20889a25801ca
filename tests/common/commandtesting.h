// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "remote/executor.h"

#include <QSignalSpy>
#include <QStringList>

#include <memory>

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

} // namespace CommandTesting
