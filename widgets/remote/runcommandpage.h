// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/connectionstate.h"

#include <QList>
#include <QPointer>
#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTableView;

namespace OpsDeck {

class CommandRun;
class CommandRunner;
class CommandSessionModel;
class HostRegistry;
class ReadOnlyMode;

// The "Run Command" console: one ad-hoc command on the checked hosts in parallel, with output
// per host, exit codes, cancel and copy. Commands go through CommandRunner, so they are
// audited and read-only mode applies; their risk is judged from the words typed.
class RunCommandPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RunCommandPage)

public:
    RunCommandPage(HostRegistry *hosts, CommandRunner *runner, ReadOnlyMode *readOnly,
                   QWidget *parent = nullptr);
    ~RunCommandPage() override;

    // The hosts of the workspace, in tree order; checks survive for hosts that stay.
    void setHosts(const QStringList &hostNames);
    void setHostState(const QString &hostName, ConnectionState state, const QString &reason);
    void checkOnly(const QString &hostName);
    QStringList checkedHosts() const;

    QLineEdit *commandInput() const { return m_command; }
    CommandSessionModel *session() const { return m_session; }
    QPlainTextEdit *outputView() const { return m_output; }

    // Runs what is typed on the checked hosts (after confirmation when it is not a read).
    void run();
    void cancel();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void showHostOutput(int row);
    void appendOutput(const QByteArray &bytes, bool isStandardError);
    void updateButtons();
    void rememberCommand(const QString &command);

    HostRegistry *m_hosts;
    CommandRunner *m_runner;
    ReadOnlyMode *m_readOnly;
    CommandSessionModel *m_session;
    QList<QPointer<CommandRun>> m_runs;
    QStringList m_history;
    int m_historyIndex = -1;
    int m_shownRow = -1;

    QListWidget *m_hostList;
    QLineEdit *m_command;
    QCheckBox *m_sudo;
    QSpinBox *m_timeout;
    QPushButton *m_runButton;
    QPushButton *m_cancelButton;
    QLabel *m_riskLabel;
    QTableView *m_results;
    QPlainTextEdit *m_output;
};

} // namespace OpsDeck
