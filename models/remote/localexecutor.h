// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/remote/executor.h"

namespace OpsDeck {

// Runs commands on this computer through QProcess, each in its own process group so cancel
// and timeouts stop everything the command started.
class LocalExecutor final : public Executor
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LocalExecutor)

public:
    explicit LocalExecutor(QString hostName, QObject *parent = nullptr);
    ~LocalExecutor() override;

    QString hostName() const override { return m_hostName; }
    ConnectionState state() const override { return ConnectionState::Local; }
    QString userName() const override;
    CommandRun *start(const CommandRequest &request, QObject *owner) override;

private:
    QString m_hostName;
};

} // namespace OpsDeck
