// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractItemModel>
#include <QList>
#include <QPointer>

namespace OpsDeck {

class RunbookSession;

// The sections of a session's runbook as a tree nested by heading level (a "###" under the
// "##" before it), each row with how many of its steps are done. A section's count includes
// its subsections, so a collapsed chapter still shows its progress. Rows follow the session:
// counts update as steps run or are ticked. Call reload() after the session gets a new runbook.
class RunbookOutlineModel final : public QAbstractItemModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RunbookOutlineModel)

public:
    enum Column { TitleColumn, StepsColumn, ColumnCount };
    enum Role {
        SectionRole = Qt::UserRole + 1, // int: index into Runbook::sections
        LevelRole,                      // int: heading level, 0 for text before the first heading
        DoneStepsRole,                  // int: steps marked done, subsections included
        TotalStepsRole,                 // int: steps (runnable blocks and checks), same scope
        AllDoneRole,                    // bool: the section has steps and all are done
        WarningsRole, // QStringList: the runbook's warnings about the section's own lines
    };

    explicit RunbookOutlineModel(RunbookSession *session, QObject *parent = nullptr);
    ~RunbookOutlineModel() override;

    RunbookSession *session() const { return m_session; }
    void reload();

    QModelIndex indexOfSection(int section, int column = TitleColumn) const;
    // The section of index, or -1 for an invalid index.
    static int sectionOf(const QModelIndex &index);
    // section and the sections nested under it, in runbook order.
    QList<int> sectionAndSubsections(int section) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

private:
    // One node per section; a node's id is its section's index.
    struct Node {
        int parent = -1; // section index of the enclosing section, -1 at top level
        int row = 0;     // position among its siblings
        QList<int> children;
        int done = 0;
        int total = 0;
        QStringList warnings; // "line L: message" for the lines from its heading to the next
    };

    void refreshCounts();
    QString titleOf(int section) const;

    QPointer<RunbookSession> m_session;
    QList<Node> m_nodes;
    QList<int> m_topLevel;
};

} // namespace OpsDeck
