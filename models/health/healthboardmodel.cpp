// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/health/healthboardmodel.h"

#include <QLocale>

namespace OpsDeck {

namespace {

// Worst first when sorting by verdict: critical, warning, unknown, OK.
int verdictSeverity(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Critical:
        return 3;
    case Verdict::Warning:
        return 2;
    case Verdict::Unknown:
        return 1;
    case Verdict::Ok:
        return 0;
    }
    return 1;
}

} // namespace

HealthBoardModel::HealthBoardModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void HealthBoardModel::setPlan(const QList<CheckSpec> &plan)
{
    QHash<QString, QList<CheckResult>> kept;
    for (const Item &item : std::as_const(m_items))
        kept.insert(item.spec.id, item.history);
    beginResetModel();
    m_items.clear();
    for (const CheckSpec &spec : plan)
        m_items.append({spec, kept.value(spec.id)});
    rebuildIndex();
    endResetModel();
    Q_EMIT countsChanged();
}

void HealthBoardModel::rebuildIndex()
{
    m_rows.clear();
    QList<Item> unique;
    for (Item &item : m_items) {
        // Two entries with one id (a workspace with duplicate names) share one row.
        if (m_rows.contains(item.spec.id))
            continue;
        m_rows.insert(item.spec.id, int(unique.size()));
        unique.append(std::move(item));
    }
    m_items = std::move(unique);
}

void HealthBoardModel::addResult(const CheckResult &result)
{
    const int row = rowOf(result.checkId);
    if (row < 0)
        return;
    QList<CheckResult> &history = m_items[row].history;
    history.append(result);
    if (history.size() > m_historyLimit)
        history.remove(0, history.size() - m_historyLimit);
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    Q_EMIT countsChanged();
}

void HealthBoardModel::addHistory(const QHash<QString, QList<CheckResult>> &history)
{
    for (auto it = history.cbegin(); it != history.cend(); ++it) {
        const int row = rowOf(it.key());
        if (row < 0 || it->isEmpty())
            continue;
        // What is stored from the time of the oldest result shown on is shown already: a
        // workspace reload reads the history of checks that kept theirs.
        const QList<CheckResult> &shown = m_items[row].history;
        QList<CheckResult> merged;
        for (const CheckResult &stored : *it) {
            if (shown.isEmpty() || stored.time < shown.constFirst().time)
                merged.append(stored);
        }
        merged.append(shown);
        if (merged.size() > m_historyLimit)
            merged.remove(0, merged.size() - m_historyLimit);
        m_items[row].history = merged;
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    }
    Q_EMIT countsChanged();
}

void HealthBoardModel::setHistoryLimit(int limit)
{
    m_historyLimit = qMax(1, limit);
    for (Item &item : m_items) {
        if (item.history.size() > m_historyLimit)
            item.history.remove(0, item.history.size() - m_historyLimit);
    }
}

int HealthBoardModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

int HealthBoardModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

const CheckResult *HealthBoardModel::latest(int row) const
{
    const QList<CheckResult> &history = m_items.at(row).history;
    return history.isEmpty() ? nullptr : &history.constLast();
}

QVariant HealthBoardModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Item &item = m_items.at(index.row());
    const CheckResult *result = latest(index.row());
    const Verdict verdict = result ? result->verdict : Verdict::Unknown;
    switch (role) {
    case CheckIdRole:
        return item.spec.id;
    case KindRole:
        return int(item.spec.kind);
    case CategoryRole:
        return int(item.spec.category);
    case EnvironmentRole:
        return item.spec.environment;
    case HostRole:
        return item.spec.host;
    case VerdictRole:
        return int(verdict);
    case HasResultRole:
        return result != nullptr;
    case SummaryRole:
        return result ? result->summary : QString();
    case ErrorRole:
        return result ? result->error : QString();
    case LastRunRole:
        return result ? result->time : QDateTime();
    case RunbookRole:
        return item.spec.runbook;
    default:
        break;
    }
    if (role == SortRole) {
        switch (index.column()) {
        case VerdictColumn:
            return verdictSeverity(verdict);
        case LastRunColumn:
            return result ? result->time.toMSecsSinceEpoch() : qint64(0);
        default:
            return data(index, Qt::DisplayRole);
        }
    }
    if (role == Qt::ToolTipRole && result && !result->error.isEmpty())
        return result->error;
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case EnvironmentColumn:
        return item.spec.environment;
    case CategoryColumn:
        return checkCategoryName(item.spec.category);
    case CheckColumn:
        return item.spec.title;
    case VerdictColumn:
        return result ? verdictName(verdict) : tr("Waiting");
    case SummaryColumn:
        return result ? (result->summary.isEmpty() ? result->error : result->summary) : QString();
    case LastRunColumn:
        return result ? QLocale().toString(result->time.toLocalTime(), QLocale::ShortFormat)
                      : QString();
    default:
        return {};
    }
}

QVariant HealthBoardModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case EnvironmentColumn:
        return tr("Environment");
    case CategoryColumn:
        return tr("Group");
    case CheckColumn:
        return tr("Check");
    case VerdictColumn:
        return tr("Status");
    case SummaryColumn:
        return tr("Result");
    case LastRunColumn:
        return tr("Checked");
    default:
        return {};
    }
}

VerdictCounts HealthBoardModel::counts(const QString &environment) const
{
    VerdictCounts counts;
    for (int row = 0; row < m_items.size(); ++row) {
        if (!environment.isEmpty() && m_items.at(row).spec.environment != environment)
            continue;
        const CheckResult *result = latest(row);
        switch (result ? result->verdict : Verdict::Unknown) {
        case Verdict::Ok:
            ++counts.ok;
            break;
        case Verdict::Warning:
            ++counts.warning;
            break;
        case Verdict::Critical:
            ++counts.critical;
            break;
        case Verdict::Unknown:
            ++counts.unknown;
            break;
        }
    }
    return counts;
}

void HealthBoardModel::setAlerts(const QString &environment, const QList<AlertmanagerAlert> &alerts)
{
    m_alerts.insert(environment, alerts);
    for (int row = 0; row < m_items.size(); ++row) {
        if (m_items.at(row).spec.environment == environment)
            Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    }
}

QList<AlertMatch> HealthBoardModel::alertsFor(int row) const
{
    const CheckSpec &spec = m_items.at(row).spec;
    // The Alertmanager's own check lists them all already.
    if (spec.kind == CheckKind::Alerts || spec.host.isEmpty())
        return {};
    AlertTarget target;
    target.host = spec.hostAddress.isEmpty() ? spec.host : spec.hostAddress;
    target.port = spec.port != 0 ? spec.port : (spec.url.isValid() ? spec.url.port(0) : 0);
    if (spec.kind != CheckKind::HostMetrics)
        target.service = spec.subject;
    QList<AlertMatch> matches = alertsForTarget(m_alerts.value(spec.environment), target);
    // The host's own name, when alerts name hosts rather than addresses.
    if (matches.isEmpty() && target.host != spec.host) {
        target.host = spec.host;
        matches = alertsForTarget(m_alerts.value(spec.environment), target);
    }
    return matches;
}

QString HealthBoardModel::describeAlert(const AlertMatch &match)
{
    const AlertmanagerAlert &alert = match.alert;
    const QString severity = alert.labels.value(QStringLiteral("severity"));
    QString text = severity.isEmpty() ? alert.name() : tr("%1 (%2)").arg(alert.name(), severity);
    if (alert.startsAt.isValid())
        text += tr(" since %1 UTC").arg(alert.startsAt.toUTC().toString(QStringLiteral("HH:mm")));
    if (match.silenced)
        text += tr(", silenced");
    return text;
}

QStringList HealthBoardModel::environments() const
{
    QStringList names;
    for (const Item &item : m_items) {
        if (!names.contains(item.spec.environment))
            names.append(item.spec.environment);
    }
    return names;
}

} // namespace OpsDeck
