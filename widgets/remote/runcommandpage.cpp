// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/remote/runcommandpage.h"

#include "models/core/risk.h"
#include "models/core/secretvalues.h"
#include "models/remote/commandrisk.h"
#include "models/remote/commandrunner.h"
#include "models/remote/commandsessionmodel.h"
#include "models/remote/hostregistry.h"
#include "widgets/common/confirmation.h"
#include "widgets/common/statuscolours.h"
#include "widgets/common/themedicon.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace OpsDeck {

namespace {
constexpr int HistoryLength = 100;
const QString HistoryKey = QStringLiteral("console/history");
} // namespace

RunCommandPage::RunCommandPage(HostRegistry *hosts, CommandRunner *runner, ReadOnlyMode *readOnly,
                               QWidget *parent)
    : QWidget(parent)
    , m_hosts(hosts)
    , m_runner(runner)
    , m_readOnly(readOnly)
    , m_session(new CommandSessionModel(this))
    , m_history(QSettings().value(HistoryKey).toStringList())
    , m_hostList(new QListWidget(this))
    , m_command(new QLineEdit(this))
    , m_sudo(new QCheckBox(tr("&sudo"), this))
    , m_timeout(new QSpinBox(this))
    , m_runButton(new QPushButton(themedIcon(QStringLiteral("command")), tr("&Run"), this))
    , m_cancelButton(new QPushButton(tr("Ca&ncel"), this))
    , m_riskLabel(new QLabel(this))
    , m_results(new QTableView(this))
    , m_output(new QPlainTextEdit(this))
{
    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_command->setFont(fixed);
    m_command->setPlaceholderText(tr("A shell command, e.g. df -h or systemctl status nginx"));
    m_command->setAccessibleName(tr("Command"));
    m_command->setClearButtonEnabled(true);
    m_command->installEventFilter(this);
    m_sudo->setToolTip(tr("Run through sudo -n: a host that asks for a password reports an "
                          "error instead of waiting."));
    m_timeout->setRange(0, 24 * 3600);
    m_timeout->setValue(120);
    m_timeout->setSuffix(tr(" s"));
    m_timeout->setSpecialValueText(tr("no limit"));
    m_timeout->setToolTip(tr("Stop the command after this long (0: no limit)"));
    m_runButton->setToolTip(tr("Run on the checked hosts (Ctrl+Return)"));
    m_cancelButton->setToolTip(tr("Stop the command on every host (Esc)"));
    m_riskLabel->setTextFormat(Qt::PlainText);

    m_hostList->setAccessibleName(tr("Hosts"));
    m_hostList->setSelectionMode(QAbstractItemView::NoSelection);
    m_hostList->setIconSize(QSize(18, 18));
    auto *allHosts = new QPushButton(tr("&All"), this);
    auto *noHosts = new QPushButton(tr("N&one"), this);
    connect(allHosts, &QPushButton::clicked, this, [this] {
        for (int i = 0; i < m_hostList->count(); ++i)
            m_hostList->item(i)->setCheckState(Qt::Checked);
    });
    connect(noHosts, &QPushButton::clicked, this, [this] {
        for (int i = 0; i < m_hostList->count(); ++i)
            m_hostList->item(i)->setCheckState(Qt::Unchecked);
    });
    connect(m_hostList, &QListWidget::itemChanged, this, &RunCommandPage::updateButtons);

    m_results->setModel(m_session);
    m_results->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_results->setSelectionMode(QAbstractItemView::SingleSelection);
    m_results->verticalHeader()->hide();
    m_results->horizontalHeader()->setStretchLastSection(true);
    m_results->setAccessibleName(tr("Results per host"));
    connect(m_results->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { showHostOutput(current.row()); });

    m_output->setReadOnly(true);
    m_output->setFont(fixed);
    m_output->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_output->setMaximumBlockCount(200000); // the model keeps all; the view stays fast
    m_output->setAccessibleName(tr("Output"));

    auto *copyOutput = new QPushButton(tr("&Copy Output"), this);
    auto *copyAll = new QPushButton(tr("Copy A&ll Hosts"), this);
    connect(copyOutput, &QPushButton::clicked, this,
            [this] { QApplication::clipboard()->setText(m_output->toPlainText()); });
    connect(copyAll, &QPushButton::clicked, this,
            [this] { QApplication::clipboard()->setText(m_session->transcript()); });

    connect(m_runButton, &QPushButton::clicked, this, &RunCommandPage::run);
    connect(m_cancelButton, &QPushButton::clicked, this, &RunCommandPage::cancel);
    connect(m_command, &QLineEdit::returnPressed, this, &RunCommandPage::run);
    connect(m_command, &QLineEdit::textChanged, this, [this](const QString &text) {
        CommandRequest request;
        request.script = text;
        const RiskAssessment risk = CommandRunner::assess(request);
        m_riskLabel->setText(risk.risk == Risk::Read
                                 ? QString()
                                 : tr("%1: %2").arg(riskName(risk.risk), risk.reason));
        QPalette riskPalette = m_riskLabel->palette();
        riskPalette.setColor(QPalette::WindowText, StatusColours::forRisk(risk.risk, palette()));
        m_riskLabel->setPalette(riskPalette);
        updateButtons();
    });
    connect(m_session, &CommandSessionModel::outputAppended, this,
            [this](int row, const QByteArray &bytes, bool isStandardError) {
                if (row == m_shownRow)
                    appendOutput(bytes, isStandardError);
            });
    connect(m_session, &CommandSessionModel::allFinished, this, &RunCommandPage::updateButtons);

    auto *runShortcut = new QAction(this);
    runShortcut->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)});
    runShortcut->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(runShortcut, &QAction::triggered, this, &RunCommandPage::run);
    addAction(runShortcut);
    auto *cancelShortcut = new QAction(this);
    cancelShortcut->setShortcut(QKeySequence(Qt::Key_Escape));
    cancelShortcut->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(cancelShortcut, &QAction::triggered, this, &RunCommandPage::cancel);
    addAction(cancelShortcut);

    auto *commandRow = new QHBoxLayout;
    commandRow->addWidget(m_command, 1);
    commandRow->addWidget(m_sudo);
    commandRow->addWidget(new QLabel(tr("Timeout:"), this));
    commandRow->addWidget(m_timeout);
    commandRow->addWidget(m_runButton);
    commandRow->addWidget(m_cancelButton);

    auto *hostButtons = new QHBoxLayout;
    hostButtons->addWidget(allHosts);
    hostButtons->addWidget(noHosts);
    auto *hostPane = new QWidget(this);
    auto *hostLayout = new QVBoxLayout(hostPane);
    hostLayout->setContentsMargins(0, 0, 0, 0);
    hostLayout->addWidget(new QLabel(tr("Run on:"), hostPane));
    hostLayout->addWidget(m_hostList);
    hostLayout->addLayout(hostButtons);

    auto *outputButtons = new QHBoxLayout;
    outputButtons->addStretch();
    outputButtons->addWidget(copyOutput);
    outputButtons->addWidget(copyAll);
    auto *resultPane = new QWidget(this);
    auto *resultLayout = new QVBoxLayout(resultPane);
    resultLayout->setContentsMargins(0, 0, 0, 0);
    auto *vertical = new QSplitter(Qt::Vertical, resultPane);
    vertical->addWidget(m_results);
    vertical->addWidget(m_output);
    vertical->setStretchFactor(1, 3);
    resultLayout->addWidget(vertical);
    resultLayout->addLayout(outputButtons);

    auto *horizontal = new QSplitter(Qt::Horizontal, this);
    horizontal->addWidget(hostPane);
    horizontal->addWidget(resultPane);
    horizontal->setStretchFactor(1, 4);
    horizontal->setSizes({220, 800});

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 16, 16, 16);
    layout->addLayout(commandRow);
    layout->addWidget(m_riskLabel);
    layout->addWidget(horizontal, 1);
    setFocusProxy(m_command);
    updateButtons();
}

RunCommandPage::~RunCommandPage() = default;

void RunCommandPage::setHosts(const QStringList &hostNames)
{
    const QStringList checked = checkedHosts();
    const QSignalBlocker blocker(m_hostList);
    m_hostList->clear();
    for (const QString &name : hostNames) {
        auto *item = new QListWidgetItem(name, m_hostList);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(checked.contains(name) ? Qt::Checked : Qt::Unchecked);
        const ConnectionState state = m_hosts->state(name);
        item->setIcon(themedIcon(state == ConnectionState::Local ? QStringLiteral("host-local")
                                                                 : QStringLiteral("host")));
        item->setToolTip(displayName(state));
    }
    updateButtons();
}

void RunCommandPage::setHostState(const QString &hostName, ConnectionState state,
                                  const QString &reason)
{
    const QList<QListWidgetItem *> items = m_hostList->findItems(hostName, Qt::MatchExactly);
    for (QListWidgetItem *item : items)
        item->setToolTip(reason.isEmpty() ? displayName(state)
                                          : displayName(state) + u": " + reason);
}

void RunCommandPage::checkOnly(const QString &hostName)
{
    for (int i = 0; i < m_hostList->count(); ++i) {
        QListWidgetItem *item = m_hostList->item(i);
        item->setCheckState(item->text() == hostName ? Qt::Checked : Qt::Unchecked);
    }
}

QStringList RunCommandPage::checkedHosts() const
{
    QStringList hosts;
    for (int i = 0; i < m_hostList->count(); ++i) {
        if (m_hostList->item(i)->checkState() == Qt::Checked)
            hosts.append(m_hostList->item(i)->text());
    }
    return hosts;
}

void RunCommandPage::run()
{
    const QString command = m_command->text().trimmed();
    const QStringList hosts = checkedHosts();
    if (command.isEmpty() || hosts.isEmpty() || m_session->isRunning())
        return;
    CommandRequest request;
    request.script = command;
    request.sudo = m_sudo->isChecked();
    request.timeoutMs = m_timeout->value() * 1000;
    // PGPASSWORD=…, URLs with a password, Bearer tokens: masked in the history, the result
    // table and the audit row. The command itself is the shell's stdin, not a command line.
    request.secrets = secretsInText(command);
    const QString shownCommand = maskSecrets(command, request.secrets);
    const RiskAssessment risk = CommandRunner::assess(request);
    if (const QString refusal = m_readOnly->refusal(risk.risk); !refusal.isEmpty()) {
        QMessageBox::warning(this, tr("Run Command"), tr("%1\n\n%2").arg(refusal, risk.reason));
        return;
    }
    const QString target = hosts.size() == 1 ? hosts.front() : tr("%1 hosts").arg(hosts.size());
    if (!confirmRisk(this, risk.risk, tr("Run \"%1\" on %2.").arg(command, target), risk.reason,
                     target))
        return;
    rememberCommand(shownCommand);
    m_session->begin(shownCommand, hosts);
    m_runs.clear();
    m_output->clear();
    m_shownRow = -1;
    request.confirmedRisk = risk.risk;
    request.confirmedHosts = hosts; // typed as "N hosts" when there are several
    for (int row = 0; row < hosts.size(); ++row) {
        Executor *executor = m_hosts->executor(hosts[row]);
        if (!executor)
            continue;
        CommandRun *run = m_runner->run(executor, request, this);
        connect(run, &CommandRun::started, this, [this, row] { m_session->markRunning(row); });
        connect(run, &CommandRun::standardOutput, this, [this, row](const QByteArray &bytes) {
            m_session->appendOutput(row, bytes, false);
        });
        connect(run, &CommandRun::standardError, this, [this, row](const QByteArray &bytes) {
            m_session->appendOutput(row, bytes, true);
        });
        connect(run, &CommandRun::finished, this, [this, row, run](const CommandResult &result) {
            m_session->finish(row, result);
            run->deleteLater();
        });
        m_runs.append(run);
    }
    m_results->selectRow(0);
    updateButtons();
}

void RunCommandPage::cancel()
{
    for (const QPointer<CommandRun> &run : std::as_const(m_runs)) {
        if (run)
            run->cancel();
    }
}

void RunCommandPage::showHostOutput(int row)
{
    m_shownRow = row;
    m_output->clear();
    if (row < 0 || row >= m_session->rowCount())
        return;
    const CommandSessionModel::Row &entry = m_session->rowAt(row);
    if (entry.truncated)
        appendOutput(tr("[the start of the output was dropped to save memory]\n").toUtf8(), true);
    for (const CommandSessionModel::Chunk &chunk : entry.output)
        appendOutput(chunk.data, chunk.isStandardError);
}

void RunCommandPage::appendOutput(const QByteArray &bytes, bool isStandardError)
{
    QTextCursor cursor(m_output->document());
    cursor.movePosition(QTextCursor::End);
    QTextCharFormat format;
    if (isStandardError)
        format.setForeground(StatusColours::bad(m_output->palette()));
    cursor.insertText(QString::fromUtf8(bytes), format);
    m_output->ensureCursorVisible();
}

void RunCommandPage::updateButtons()
{
    const bool running = m_session->isRunning();
    m_runButton->setEnabled(!running && !m_command->text().trimmed().isEmpty() &&
                            !checkedHosts().isEmpty());
    m_cancelButton->setEnabled(running);
}

void RunCommandPage::rememberCommand(const QString &command)
{
    m_history.removeAll(command);
    m_history.prepend(command);
    while (m_history.size() > HistoryLength)
        m_history.removeLast();
    m_historyIndex = -1;
    QSettings().setValue(HistoryKey, m_history);
}

bool RunCommandPage::eventFilter(QObject *watched, QEvent *event)
{
    // Up and Down walk the command history, as in a shell.
    if (watched == m_command && event->type() == QEvent::KeyPress && !m_history.isEmpty()) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Up || key == Qt::Key_Down) {
            m_historyIndex = std::clamp(m_historyIndex + (key == Qt::Key_Up ? 1 : -1), -1,
                                        int(m_history.size()) - 1);
            m_command->setText(m_historyIndex < 0 ? QString() : m_history[m_historyIndex]);
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace OpsDeck
