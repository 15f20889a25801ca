// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/remote/sshexecutor.h"

#include <QDialog>

namespace OpsDeck {

// "The authenticity of host … can't be established": shows the host's name, the address and
// port OpsDeck connected to (and the HostKeyAlias the key goes under), the key type and its
// SHA256 fingerprint, and lets the user accept it once, accept and remember it, or cancel.
class HostKeyDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HostKeyDialog)

public:
    explicit HostKeyDialog(const HostKeyQuestion &question, QWidget *parent = nullptr);
    ~HostKeyDialog() override;

    SshExecutor::HostKeyAnswer answer() const { return m_answer; }

private:
    SshExecutor::HostKeyAnswer m_answer = SshExecutor::HostKeyAnswer::Reject;
};

} // namespace OpsDeck
