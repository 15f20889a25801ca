// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "state/statestore.h"

#include <QDebug>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

// Helpers for the tests of the state store and what is built on it: a second, plain SQLite
// connection to look at the file as another process would, and opening a store and waiting.
namespace StateTesting {

using OpsDeck::StateStore;

// A second, independent connection in the test's thread: what another process would see.
class PlainConnection final
{
public:
    explicit PlainConnection(const QString &path)
        : m_name(QStringLiteral("tst-plain-%1").arg(++s_counter))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        m_ok = db.open();
    }
    ~PlainConnection()
    {
        {
            QSqlDatabase db = database();
            db.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }
    PlainConnection(const PlainConnection &) = delete;
    PlainConnection &operator=(const PlainConnection &) = delete;

    bool isOpen() const { return m_ok; }
    QSqlDatabase database() const { return QSqlDatabase::database(m_name, false); }

    // First column of the first row; an invalid QVariant when the statement fails.
    QVariant scalar(const QString &sql, const QVariantList &values = {}) const
    {
        QSqlQuery query(database());
        query.prepare(sql);
        for (const QVariant &value : values)
            query.addBindValue(value);
        if (!query.exec()) {
            qWarning() << "query failed:" << sql << query.lastError().text();
            return {};
        }
        return query.next() ? query.value(0) : QVariant();
    }

    // quiet: for statements that are expected to fail.
    bool exec(const QString &sql, bool quiet = false) const
    {
        QSqlQuery query(database());
        if (query.exec(sql))
            return true;
        if (!quiet)
            qWarning() << "statement failed:" << sql << query.lastError().text();
        return false;
    }

    QStringList column(const QString &sql) const
    {
        QStringList values;
        QSqlQuery query(database());
        if (!query.exec(sql))
            return values;
        while (query.next())
            values.append(query.value(0).toString());
        return values;
    }

private:
    static inline int s_counter = 0;
    QString m_name;
    bool m_ok = false;
};

// Opens store on path and waits for the answer; error gets the store's message.
inline bool openStore(StateStore &store, const QString &path, QString *error = nullptr)
{
    QSignalSpy spy(&store, &StateStore::opened);
    const quint64 id = store.open(path);
    if (!spy.wait(10000) || spy.size() != 1)
        return false;
    const QList<QVariant> arguments = spy.takeFirst();
    if (arguments.at(0).value<quint64>() != id)
        return false;
    if (error)
        *error = arguments.at(2).toString();
    return arguments.at(1).toBool();
}

} // namespace StateTesting
