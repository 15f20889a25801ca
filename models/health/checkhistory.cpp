// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/health/checkhistory.h"

#include "models/persistence/sqlvalues.h"
#include "models/persistence/statestore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>

#include <cmath>

namespace OpsDeck {

namespace {

QString olderThan(int days)
{
    return SqlValues::timeText(QDateTime::currentDateTimeUtc().addDays(-days)).toString();
}

} // namespace

QByteArray encodeCheckValues(const QList<CheckValue> &values)
{
    QJsonArray array;
    for (const CheckValue &value : values) {
        QJsonObject object{{QStringLiteral("n"), value.name},
                           {QStringLiteral("v"), verdictId(value.verdict)}};
        // JSON has no NaN or infinity: such a value is kept as its text only.
        if (std::isfinite(value.value))
            object.insert(QStringLiteral("x"), value.value);
        if (!value.unit.isEmpty())
            object.insert(QStringLiteral("u"), value.unit);
        if (!value.text.isEmpty())
            object.insert(QStringLiteral("t"), value.text);
        if (value.warning)
            object.insert(QStringLiteral("w"), *value.warning);
        if (value.critical)
            object.insert(QStringLiteral("c"), *value.critical);
        array.append(object);
    }
    return QJsonDocument(array).toJson(QJsonDocument::Compact);
}

QList<CheckValue> decodeCheckValues(const QByteArray &json)
{
    QList<CheckValue> values;
    const QJsonArray array = QJsonDocument::fromJson(json).array();
    for (const QJsonValue &item : array) {
        const QJsonObject object = item.toObject();
        CheckValue value;
        value.name = object.value(QStringLiteral("n")).toString();
        value.verdict = verdictFromId(object.value(QStringLiteral("v")).toString());
        value.value = object.value(QStringLiteral("x")).toDouble(std::nan(""));
        value.unit = object.value(QStringLiteral("u")).toString();
        value.text = object.value(QStringLiteral("t")).toString();
        if (object.contains(QStringLiteral("w")))
            value.warning = object.value(QStringLiteral("w")).toDouble();
        if (object.contains(QStringLiteral("c")))
            value.critical = object.value(QStringLiteral("c")).toDouble();
        values.append(value);
    }
    return values;
}

CheckHistoryStore::CheckHistoryStore(StateStore *store, CheckHistoryRetention retention,
                                     QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_retention(retention)
{
    m_retention.samplesPerCheck = qMax(1, m_retention.samplesPerCheck);
    m_retention.maxAgeDays = qMax(1, m_retention.maxAgeDays);
}

CheckHistoryStore::~CheckHistoryStore() = default;

void CheckHistoryStore::append(const CheckResult &result)
{
    if (!m_store)
        return;
    const CheckHistoryRetention retention = m_retention;
    m_store->submit<bool>(
        this,
        [result, retention](StoreConnection &db) -> StoreResult<bool> {
            return db.inTransaction(
                StoreConnection::Transaction::Write, [&]() -> StoreResult<bool> {
                    QSqlQuery query(db.database());
                    query.prepare(QStringLiteral(
                        "SELECT ifnull(max(sequence), -1) FROM health_results WHERE check_id = ?"));
                    query.addBindValue(result.checkId);
                    if (!query.exec() || !query.next())
                        return StoreError{query.lastError().text()};
                    const qint64 sequence = query.value(0).toLongLong() + 1;
                    query.prepare(QStringLiteral(
                        "INSERT OR REPLACE INTO health_results (check_id, slot, sequence,"
                        " checked_at, duration_ms, verdict, summary, error, check_values)"
                        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
                    query.addBindValue(result.checkId);
                    query.addBindValue(sequence % retention.samplesPerCheck);
                    query.addBindValue(sequence);
                    query.addBindValue(SqlValues::timeText(
                        result.time.isValid() ? result.time : QDateTime::currentDateTimeUtc()));
                    query.addBindValue(result.durationMs);
                    query.addBindValue(verdictId(result.verdict));
                    query.addBindValue(SqlValues::nullIfEmpty(result.summary));
                    query.addBindValue(SqlValues::nullIfEmpty(result.error));
                    query.addBindValue(QString::fromUtf8(encodeCheckValues(result.values)));
                    if (!query.exec())
                        return StoreError{query.lastError().text()};
                    // A ring that shrank (a smaller retention) keeps only its newest slots.
                    query.prepare(QStringLiteral("DELETE FROM health_results WHERE check_id = ?"
                                                 " AND (slot >= ? OR checked_at < ?)"));
                    query.addBindValue(result.checkId);
                    query.addBindValue(retention.samplesPerCheck);
                    query.addBindValue(olderThan(retention.maxAgeDays));
                    if (!query.exec())
                        return StoreError{query.lastError().text()};
                    return true;
                });
        },
        [this](const StoreResult<bool> &written) {
            if (!written)
                Q_EMIT writeFailed(tr("Cannot keep a check result in the state database: %1")
                                       .arg(written.error()));
        });
}

void CheckHistoryStore::load(const QStringList &checkIds, QObject *context, Loaded done)
{
    using History = QHash<QString, QList<CheckResult>>;
    if (!m_store) {
        done({}, tr("There is no state database."));
        return;
    }
    const int maxAgeDays = m_retention.maxAgeDays;
    m_store->submit<History>(
        context,
        [checkIds, maxAgeDays](StoreConnection &db) -> StoreResult<History> {
            QSqlQuery query(db.database());
            query.setForwardOnly(true);
            query.prepare(QStringLiteral(
                "SELECT check_id, checked_at, duration_ms, verdict, summary, error, check_values"
                " FROM health_results WHERE checked_at >= ? ORDER BY check_id, sequence"));
            query.addBindValue(olderThan(maxAgeDays));
            if (!query.exec())
                return StoreError{tr("Cannot read check history from %1: %2")
                                      .arg(db.path(), query.lastError().text())};
            const QSet<QString> wanted(checkIds.cbegin(), checkIds.cend());
            History history;
            while (query.next()) {
                const QString id = query.value(0).toString();
                if (!wanted.isEmpty() && !wanted.contains(id))
                    continue;
                CheckResult result;
                result.checkId = id;
                result.time = SqlValues::timeFromText(query.value(1));
                result.durationMs = query.value(2).toLongLong();
                result.verdict = verdictFromId(query.value(3).toString());
                result.summary = query.value(4).toString();
                result.error = query.value(5).toString();
                result.values = decodeCheckValues(query.value(6).toString().toUtf8());
                history[id].append(result);
            }
            return history;
        },
        [done = std::move(done)](const StoreResult<History> &loaded) {
            done(loaded ? *loaded : History{}, loaded ? QString() : loaded.error());
        });
}

void CheckHistoryStore::prune()
{
    if (!m_store)
        return;
    const int maxAgeDays = m_retention.maxAgeDays;
    m_store->submit<bool>(
        nullptr,
        [maxAgeDays](StoreConnection &db) -> StoreResult<bool> {
            QSqlQuery query(db.database());
            query.prepare(QStringLiteral("DELETE FROM health_results WHERE checked_at < ?"));
            query.addBindValue(olderThan(maxAgeDays));
            if (!query.exec())
                return StoreError{query.lastError().text()};
            return true;
        },
        {});
}

} // namespace OpsDeck
