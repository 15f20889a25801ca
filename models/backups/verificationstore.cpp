// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/backups/verificationstore.h"

#include "models/persistence/sqlvalues.h"
#include "models/persistence/statestore.h"

#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace OpsDeck {

namespace {

const QString Columns =
    u"host, path, size, modified, level, verdict, detail, verified_at, duration_ms"_s;

VerificationRecord recordFrom(const QSqlQuery &query)
{
    VerificationRecord record;
    record.host = query.value(0).toString();
    record.path = query.value(1).toString();
    record.size = query.value(2).toLongLong();
    record.modified = SqlValues::timeFromText(query.value(3));
    record.level =
        verificationLevelFromNumber(query.value(4).toInt()).value_or(VerificationLevel::Integrity);
    record.verdict =
        verificationVerdictFromId(query.value(5).toString()).value_or(VerificationVerdict::Failed);
    record.ok = record.verdict != VerificationVerdict::Failed;
    record.detail = query.value(6).toString();
    record.at = SqlValues::timeFromText(query.value(7));
    record.durationMs = query.value(8).toLongLong();
    return record;
}

StoreResult<QList<VerificationRecord>> readAll(QSqlQuery &query, const QString &path)
{
    if (!query.exec())
        return StoreError{VerificationStore::tr("Cannot read backup verifications from %1: %2")
                              .arg(path, query.lastError().text())};
    QList<VerificationRecord> records;
    while (query.next())
        records.append(recordFrom(query));
    return records;
}

} // namespace

VerificationStore::VerificationStore(StateStore *store, QObject *parent)
    : QObject(parent)
    , m_store(store)
{
}

VerificationStore::~VerificationStore() = default;

void VerificationStore::record(const VerificationRecord &record)
{
    if (!m_store) {
        Q_EMIT writeFailed(
            tr("There is no state database: the verification of %1 is not kept.").arg(record.path));
        return;
    }
    m_store->submit<bool>(
        this,
        [record](StoreConnection &db) -> StoreResult<bool> {
            QSqlQuery query(db.database());
            query.prepare(u"INSERT INTO backup_verifications (%1)"
                          " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"_s.arg(Columns));
            query.addBindValue(record.host);
            query.addBindValue(record.path);
            query.addBindValue(record.size);
            query.addBindValue(SqlValues::timeText(record.modified));
            query.addBindValue(int(record.level));
            query.addBindValue(verificationVerdictId(record.verdict));
            query.addBindValue(SqlValues::nullIfEmpty(record.detail));
            query.addBindValue(SqlValues::timeText(
                record.at.isValid() ? record.at : QDateTime::currentDateTimeUtc()));
            query.addBindValue(record.durationMs);
            if (!query.exec())
                return StoreError{query.lastError().text()};
            return true;
        },
        [this, record](const StoreResult<bool> &written) {
            if (written)
                Q_EMIT recorded(record);
            else
                Q_EMIT writeFailed(
                    tr("Cannot keep the verification of %1 on %2 in the state database: %3")
                        .arg(record.path, record.host, written.error()));
        });
}

void VerificationStore::latest(const QString &host, QObject *context, Loaded done)
{
    if (!m_store) {
        done({}, tr("There is no state database."));
        return;
    }
    m_store->submit<QList<VerificationRecord>>(
        context,
        [host](StoreConnection &db) -> StoreResult<QList<VerificationRecord>> {
            QSqlQuery query(db.database());
            query.setForwardOnly(true);
            // The newest row of each (host, path, level): the highest id among the latest time.
            query.prepare(u"SELECT %1 FROM backup_verifications v WHERE id = ("
                          " SELECT id FROM backup_verifications w"
                          " WHERE w.host = v.host AND w.path = v.path AND w.level = v.level"
                          " ORDER BY verified_at DESC, id DESC LIMIT 1)"
                          "%2 ORDER BY host, path, level"_s.arg(
                              Columns, host.isEmpty() ? QString() : u" AND host = ?"_s));
            if (!host.isEmpty())
                query.addBindValue(host);
            return readAll(query, db.path());
        },
        [done = std::move(done)](const StoreResult<QList<VerificationRecord>> &loaded) {
            done(loaded ? *loaded : QList<VerificationRecord>{},
                 loaded ? QString() : loaded.error());
        });
}

void VerificationStore::history(const QString &host, const QString &path, QObject *context,
                                Loaded done)
{
    if (!m_store) {
        done({}, tr("There is no state database."));
        return;
    }
    m_store->submit<QList<VerificationRecord>>(
        context,
        [host, path](StoreConnection &db) -> StoreResult<QList<VerificationRecord>> {
            QSqlQuery query(db.database());
            query.setForwardOnly(true);
            query.prepare(u"SELECT %1 FROM backup_verifications WHERE host = ? AND path = ?"
                          " ORDER BY verified_at DESC, id DESC"_s.arg(Columns));
            query.addBindValue(host);
            query.addBindValue(path);
            return readAll(query, db.path());
        },
        [done = std::move(done)](const StoreResult<QList<VerificationRecord>> &loaded) {
            done(loaded ? *loaded : QList<VerificationRecord>{},
                 loaded ? QString() : loaded.error());
        });
}

} // namespace OpsDeck
