// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/health/checkresult.h"

#include <QHash>
#include <QObject>
#include <QPointer>

#include <functional>

namespace OpsDeck {

class StateStore;

// How much history is kept: a ring of samplesPerCheck results per check (the oldest is
// overwritten) and nothing older than maxAgeDays. So the file stays bounded whatever runs:
// 200 checks x 1,440 samples of ~200 bytes is under 60 MB at most.
struct CheckHistoryRetention {
    int samplesPerCheck = 1440; // a day of a check that runs every minute
    int maxAgeDays = 7;
};

// Recent results of each check in the state store, so charts survive a restart. Writes are
// queued on the store's thread; nothing here blocks the caller.
class CheckHistoryStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CheckHistoryStore)

public:
    using Loaded = std::function<void(const QHash<QString, QList<CheckResult>> &history,
                                      const QString &error)>;

    explicit CheckHistoryStore(StateStore *store, CheckHistoryRetention retention = {},
                               QObject *parent = nullptr);
    ~CheckHistoryStore() override;

    CheckHistoryRetention retention() const { return m_retention; }

    // Writes result into its check's ring. A failed write is reported by writeFailed().
    void append(const CheckResult &result);
    // The results kept for checkIds (all checks when empty), oldest first, answered in
    // context's thread.
    void load(const QStringList &checkIds, QObject *context, Loaded done);
    // Drops results older than the retention's age (append() does it for its own check).
    void prune();

Q_SIGNALS:
    void writeFailed(const QString &error);

private:
    QPointer<StateStore> m_store;
    CheckHistoryRetention m_retention;
};

// The values of a result as compact JSON for the store, and back. Pure.
QByteArray encodeCheckValues(const QList<CheckValue> &values);
QList<CheckValue> decodeCheckValues(const QByteArray &json);

} // namespace OpsDeck
