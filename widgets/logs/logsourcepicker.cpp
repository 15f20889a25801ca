// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/logs/logsourcepicker.h"

#include "widgets/common/themedicon.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace OpsDeck {

namespace {
constexpr int HostRole = Qt::UserRole + 1;
constexpr int LogRole = Qt::UserRole + 2;
} // namespace

LogSourcePicker::LogSourcePicker(const Workspace &workspace, QWidget *parent)
    : QDialog(parent)
    , m_tree(new QTreeWidget(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Merge Log Sources"));
    setObjectName(QStringLiteral("logSourcePicker"));
    auto *intro = new QLabel(tr("Choose the sources to follow together. Their lines are shown "
                                "in one view, ordered by time, each tagged with its source."),
                             this);
    intro->setWordWrap(true);
    m_tree->setColumnCount(2);
    m_tree->setHeaderLabels({tr("Source"), tr("Reads")});
    m_tree->setRootIsDecorated(true);
    for (const Environment &environment : workspace.environments) {
        for (const Host &host : environment.hosts) {
            if (host.logs.isEmpty())
                continue;
            auto *hostItem = new QTreeWidgetItem(m_tree, {host.name});
            hostItem->setIcon(0, themedIcon(host.isLocal() ? QStringLiteral("host-local")
                                                           : QStringLiteral("host")));
            hostItem->setFlags(Qt::ItemIsEnabled);
            for (const LogSource &log : host.logs) {
                auto *item = new QTreeWidgetItem(
                    hostItem, {log.name, toString(log.kind) + u' ' + log.target});
                item->setIcon(0, themedIcon(QStringLiteral("log")));
                item->setData(0, HostRole, host.name);
                item->setData(0, LogRole, log.name);
                item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
                item->setCheckState(0, Qt::Unchecked);
            }
        }
    }
    m_tree->expandAll();
    m_tree->resizeColumnToContents(0);
    m_tree->setColumnWidth(0, m_tree->columnWidth(0) + 16);
    connect(m_tree, &QTreeWidget::itemChanged, this, &LogSourcePicker::updateButtons);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Follow Together"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_tree, 1);
    layout->addWidget(m_buttons);
    resize(560, 420);
    updateButtons();
}

LogSourcePicker::~LogSourcePicker() = default;

QList<LogSourcePicker::Choice> LogSourcePicker::chosen() const
{
    QList<Choice> choices;
    for (QTreeWidgetItemIterator it(m_tree, QTreeWidgetItemIterator::Checked); *it; ++it)
        choices.append({(*it)->data(0, HostRole).toString(), (*it)->data(0, LogRole).toString()});
    return choices;
}

void LogSourcePicker::setChosen(const Choice &choice, bool chosen)
{
    for (QTreeWidgetItemIterator it(m_tree); *it; ++it) {
        if ((*it)->data(0, HostRole).toString() == choice.host &&
            (*it)->data(0, LogRole).toString() == choice.log)
            (*it)->setCheckState(0, chosen ? Qt::Checked : Qt::Unchecked);
    }
}

void LogSourcePicker::updateButtons()
{
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!chosen().isEmpty());
}

} // namespace OpsDeck
