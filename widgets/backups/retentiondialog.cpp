// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/backups/retentiondialog.h"

#include "models/core/units.h"
#include "widgets/common/statuscolours.h"
#include "widgets/common/themedicon.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace OpsDeck {

namespace {
QString whenText(const QDateTime &when, const QTimeZone &zone)
{
    return when.isValid() ? when.toTimeZone(zone).toString(u"yyyy-MM-dd HH:mm"_s) : QString();
}
} // namespace

QString RetentionDialog::describeRules(const RetentionRules &rules)
{
    QStringList parts;
    if (rules.keepDaily > 0)
        parts << tr("the newest of each of the last %n day(s)", nullptr, rules.keepDaily);
    if (rules.keepWeekly > 0)
        parts << tr("the newest of each of the last %n week(s)", nullptr, rules.keepWeekly);
    if (rules.retentionDays > 0)
        parts << tr("everything younger than %n day(s)", nullptr, rules.retentionDays);
    if (parts.isEmpty())
        return tr("no retention rule: nothing is deleted");
    return tr("keep %1").arg(parts.join(tr(", ")));
}

RetentionDialog::RetentionDialog(const QString &host, const QString &location,
                                 const RetentionRules &rules, const RetentionPlan &plan,
                                 const QTimeZone &zone, QWidget *parent)
    : QDialog(parent)
    , m_plan(plan)
    , m_summary(new QLabel(this))
    , m_decisions(new QTreeWidget(this))
    , m_delete(nullptr)
{
    setObjectName(u"retentionDialog"_s);
    setWindowTitle(tr("Retention of %1 / %2 (dry run)").arg(host, location));
    setWindowModality(Qt::WindowModal);
    resize(860, 560);

    QStringList lines;
    lines << tr("Rules: %1.").arg(describeRules(rules)).toHtmlEscaped();
    lines << tr("Days and weeks as in %1.").arg(QString::fromUtf8(zone.id())).toHtmlEscaped();
    const qsizetype kept = plan.decisions.size() - plan.toDelete.size();
    lines << tr("<b>%1 would be deleted</b> (%2 freed), %3 kept.")
                 .arg(tr("%n file(s)", nullptr, int(plan.toDelete.size())),
                      formatBytes(plan.bytesFreed), tr("%n file(s)", nullptr, int(kept)));
    if (plan.windowEnd.isValid()) {
        lines << tr("Point-in-time recovery window: now %1 – %2; after the run %3 – %4.")
                     .arg(whenText(plan.windowStartBefore, zone), whenText(plan.windowEnd, zone),
                          whenText(plan.windowStartAfter, zone), whenText(plan.windowEnd, zone))
                     .toHtmlEscaped();
    }
    if (!plan.walNote.isEmpty())
        lines << plan.walNote.toHtmlEscaped();
    m_summary->setObjectName(u"retentionSummary"_s);
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setText(lines.join(u"<br>"_s));

    m_decisions->setObjectName(u"retentionDecisions"_s);
    m_decisions->setAccessibleName(tr("What the retention run would do with each file"));
    m_decisions->setHeaderLabels(
        {tr("Decision"), tr("File"), tr("Modified"), tr("Size"), tr("Why")});
    m_decisions->setRootIsDecorated(false);
    m_decisions->setUniformRowHeights(true);
    m_decisions->setSortingEnabled(false);
    m_decisions->header()->setSectionResizeMode(QHeaderView::Interactive);
    m_decisions->header()->setStretchLastSection(true);
    const QColor bad = StatusColours::bad(palette());
    for (const RetentionDecision &decision : plan.decisions) {
        auto *item = new QTreeWidgetItem(m_decisions);
        item->setText(0, decision.keep ? tr("keep") : tr("delete"));
        item->setIcon(0, themedIcon(decision.keep ? u"ok"_s : u"error"_s));
        item->setText(1, decision.file.name());
        item->setToolTip(1, decision.file.path);
        item->setText(2, whenText(decision.file.modified, zone));
        item->setText(3, decision.file.size >= 0 ? formatBytes(decision.file.size) : QString());
        item->setTextAlignment(3, Qt::AlignRight | Qt::AlignVCenter);
        item->setText(4, decision.reasons.join(u"; "_s));
        if (!decision.keep) {
            for (int column = 0; column < 5; ++column)
                item->setForeground(column, bad);
        }
    }
    for (int column = 0; column < 4; ++column)
        m_decisions->resizeColumnToContents(column);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_delete = buttons->addButton(tr("Delete %n File(s)…", nullptr, int(plan.toDelete.size())),
                                  QDialogButtonBox::AcceptRole);
    m_delete->setObjectName(u"deleteByRetention"_s);
    m_delete->setEnabled(!plan.toDelete.isEmpty());
    m_delete->setAutoDefault(false);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_decisions, 1);
    layout->addWidget(buttons);
}

} // namespace OpsDeck
