// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/backups/backupfile.h"

#include <QList>
#include <QObject>
#include <QPointer>

#include <functional>

namespace OpsDeck {

class StateStore;

// Every verification of every backup file, in the state store (table backup_verifications).
// Writes and reads are jobs on the store's thread; nothing here blocks the caller.
class VerificationStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VerificationStore)

public:
    // records, or the error (then records is empty), in context's thread.
    using Loaded = std::function<void(const QList<OpsDeck::VerificationRecord> &records,
                                      const QString &error)>;

    explicit VerificationStore(StateStore *store, QObject *parent = nullptr);
    ~VerificationStore() override;

    // Keeps record. A failed write is reported by writeFailed().
    void record(const VerificationRecord &record);
    // The newest record of each (host, path, level); for one host when host is not empty.
    void latest(const QString &host, QObject *context, Loaded done);
    // Every record of one file, newest first.
    void history(const QString &host, const QString &path, QObject *context, Loaded done);

Q_SIGNALS:
    void recorded(const OpsDeck::VerificationRecord &record);
    void writeFailed(const QString &error);

private:
    QPointer<StateStore> m_store;
};

} // namespace OpsDeck
