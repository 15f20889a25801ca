// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/runbooks/runbookoutlinemodel.h"

#include "models/runbooks/runbooksession.h"

namespace OpsDeck {

RunbookOutlineModel::RunbookOutlineModel(RunbookSession *session, QObject *parent)
    : QAbstractItemModel(parent)
    , m_session(session)
{
    connect(session, &RunbookSession::stepChanged, this, &RunbookOutlineModel::refreshCounts);
    // Covers changes that come without a stepChanged per step (remembered states, resets).
    connect(session, &RunbookSession::progressChanged, this, &RunbookOutlineModel::refreshCounts);
    reload();
}

RunbookOutlineModel::~RunbookOutlineModel() = default;

void RunbookOutlineModel::reload()
{
    beginResetModel();
    m_nodes.clear();
    m_topLevel.clear();
    if (m_session) {
        const QList<RunbookSection> &sections = m_session->runbook().sections;
        m_nodes.resize(sections.size());
        // The chain of headings that are open at the current position, outermost first.
        QList<int> open;
        for (int section = 0; section < int(sections.size()); ++section) {
            const int level = sections[section].level;
            while (!open.isEmpty() && sections[open.last()].level >= level)
                open.removeLast();
            Node &node = m_nodes[section];
            QList<int> &siblings = open.isEmpty() ? m_topLevel : m_nodes[open.last()].children;
            node.parent = open.isEmpty() ? -1 : open.last();
            node.row = int(siblings.size());
            siblings.append(section);
            // Text before the first heading (level 0) cannot hold subsections.
            if (level > 0)
                open.append(section);
        }
        // Each warning belongs to the section whose lines hold it.
        for (const Diagnostic &diagnostic : m_session->runbook().diagnostics) {
            int owner = -1;
            for (int section = 0; section < int(sections.size()); ++section) {
                if (sections[section].line <= diagnostic.line)
                    owner = section;
            }
            if (owner < 0 && !sections.isEmpty())
                owner = 0;
            if (owner < 0)
                continue;
            m_nodes[owner].warnings.append(
                diagnostic.column > 0
                    ? tr("line %1, column %2: %3")
                          .arg(diagnostic.line)
                          .arg(diagnostic.column)
                          .arg(diagnostic.message)
                    : tr("line %1: %2").arg(diagnostic.line).arg(diagnostic.message));
        }
    }
    endResetModel();
    refreshCounts();
}

void RunbookOutlineModel::refreshCounts()
{
    const qsizetype count = m_nodes.size();
    QList<int> done(count, 0);
    QList<int> total(count, 0);
    if (m_session) {
        for (const RunbookStepId &step : m_session->steps()) {
            if (step.section < 0 || step.section >= count)
                continue; // the session has a newer runbook; reload() follows
            // As RunbookSession::completedCount(): a step that succeeded is marked done, and
            // the operator may untick it again.
            const bool isDone = m_session->stepRun(step).done;
            for (int node = step.section; node >= 0; node = m_nodes[node].parent) {
                ++total[node];
                if (isDone)
                    ++done[node];
            }
        }
    }
    for (int node = 0; node < count; ++node) {
        if (m_nodes[node].done == done[node] && m_nodes[node].total == total[node])
            continue;
        m_nodes[node].done = done[node];
        m_nodes[node].total = total[node];
        Q_EMIT dataChanged(indexOfSection(node, TitleColumn), indexOfSection(node, StepsColumn));
    }
}

QString RunbookOutlineModel::titleOf(int section) const
{
    const RunbookSection &entry = m_session->runbook().sections[section];
    if (!entry.title.isEmpty())
        return entry.title;
    return entry.level == 0 ? tr("Introduction") : tr("(untitled section)");
}

QModelIndex RunbookOutlineModel::indexOfSection(int section, int column) const
{
    if (section < 0 || section >= m_nodes.size() || column < 0 || column >= ColumnCount)
        return {};
    return createIndex(m_nodes[section].row, column, quintptr(section));
}

int RunbookOutlineModel::sectionOf(const QModelIndex &index)
{
    return index.isValid() ? int(index.internalId()) : -1;
}

QList<int> RunbookOutlineModel::sectionAndSubsections(int section) const
{
    return m_session ? sectionWithSubsections(m_session->runbook(), section) : QList<int>();
}

QModelIndex RunbookOutlineModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column < 0 || column >= ColumnCount || row < 0)
        return {};
    if (parent.isValid() && parent.column() != TitleColumn)
        return {};
    const QList<int> &siblings =
        parent.isValid() ? m_nodes[sectionOf(parent)].children : m_topLevel;
    if (row >= siblings.size())
        return {};
    return createIndex(row, column, quintptr(siblings[row]));
}

QModelIndex RunbookOutlineModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    return indexOfSection(m_nodes[sectionOf(child)].parent, TitleColumn);
}

int RunbookOutlineModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_topLevel.size());
    if (parent.column() != TitleColumn)
        return 0;
    return int(m_nodes[sectionOf(parent)].children.size());
}

int RunbookOutlineModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant RunbookOutlineModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !m_session)
        return {};
    const int section = sectionOf(index);
    if (section >= m_session->runbook().sections.size())
        return {};
    const Node &node = m_nodes[section];
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == TitleColumn)
            return titleOf(section);
        return node.total > 0 ? tr("%1/%2").arg(node.done).arg(node.total) : QString();
    case Qt::ToolTipRole: {
        const QString title = titleOf(section);
        QString tip = node.total == 0 ? tr("%1\nNo steps to run or check").arg(title)
                                      : tr("%1\n%2 of %3 steps done, subsections included")
                                            .arg(title)
                                            .arg(node.done)
                                            .arg(node.total);
        if (!node.warnings.isEmpty())
            tip += u'\n' + tr("Warnings:") + u'\n' + node.warnings.join(u'\n');
        return tip;
    }
    case WarningsRole:
        return node.warnings;
    case Qt::AccessibleTextRole:
        if (index.column() == StepsColumn && node.total > 0)
            return tr("%1 of %2 steps done").arg(node.done).arg(node.total);
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == StepsColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case SectionRole:
        return section;
    case LevelRole:
        return m_session->runbook().sections[section].level;
    case DoneStepsRole:
        return node.done;
    case TotalStepsRole:
        return node.total;
    case AllDoneRole:
        return node.total > 0 && node.done == node.total;
    default:
        return {};
    }
}

QVariant RunbookOutlineModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TitleColumn:
        return tr("Section");
    case StepsColumn:
        return tr("Done");
    default:
        return {};
    }
}

Qt::ItemFlags RunbookOutlineModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (m_nodes[sectionOf(index)].children.isEmpty())
        flags |= Qt::ItemNeverHasChildren;
    return flags;
}

} // namespace OpsDeck
