// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/containers/containerrow.h"

#include <QSet>
#include <QSortFilterProxyModel>

namespace OpsDeck {

// A Kubernetes label selector ("app=web,tier!=cache,env in (prod,stage),!legacy,team"), for
// docker and podman labels too.
struct LabelSelector {
    struct Requirement {
        enum class Operator { Equals, NotEquals, In, NotIn, Exists, DoesNotExist };
        QString key;
        Operator op = Operator::Exists;
        QStringList values;
        friend bool operator==(const Requirement &, const Requirement &) = default;
    };
    QList<Requirement> requirements;

    bool isEmpty() const { return requirements.isEmpty(); }
    bool matches(const QMap<QString, QString> &labels) const;
};

struct LabelSelectorParse {
    std::optional<LabelSelector> selector;
    QString error; // "column 7: expected ')'"
};
LabelSelectorParse parseLabelSelector(QStringView text);

// The list as the operator narrows it: words (every one must appear in host, name, image,
// project, namespace, context, node, status or reason), conditions, a label selector. Sorts by
// ContainerListModel::SortRole.
class ContainerFilterModel final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ContainerFilterModel)

public:
    explicit ContainerFilterModel(QObject *parent = nullptr);
    ~ContainerFilterModel() override;

    void setText(const QString &text);
    // Empty: every condition.
    void setConditions(const QSet<ContainerCondition> &conditions);
    // Empty text clears it; an invalid one returns the error and keeps the previous selector.
    QString setLabelSelector(const QString &text);
    QString labelSelectorText() const { return m_selectorText; }
    // Only one host's rows, or one source's (ContainerSource::key()); both empty: every row.
    void setScope(const QString &host, const QString &sourceKey = {});

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QStringList m_words;
    QSet<ContainerCondition> m_conditions;
    LabelSelector m_selector;
    QString m_selectorText;
    QString m_scopeHost;
    QString m_scopeSource;
};

} // namespace OpsDeck
