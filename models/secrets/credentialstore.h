// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QMap>
#include <QObject>
#include <QSet>
#include <QString>

#include <chrono>

namespace OpsDeck {

// Passwords and key passphrases, kept in the system keychain (GNOME Keyring, KWallet, ... through
// QtKeychain) under the service name "OpsDeck". An entry is the ENTRY of a `keychain:ENTRY`
// value in the workspace, for example "acme/wiki-db".
//
// Every call returns at once with a request id (never 0) and is answered later by exactly one
// signal carrying that id, emitted in the store's thread; nothing here blocks. Requests to the
// keychain run one after the other in the order they were made. Callers keep the ids they care
// about and drop answers to ids they no longer expect.
//
// When there is no keychain (no D-Bus session, no Secret Service, no KWallet) the store switches
// to memory-only mode for the rest of the session: secrets are then held in this object's memory
// only, never written to any file, and are gone when it is destroyed. The application calls
// probe() at start to decide the mode before the first real request; any later request that
// finds the keychain gone switches too and is answered from memory. memoryOnlyChanged() and
// memoryOnlyReason() tell the UI, which must say so. There is no plain-text fallback of any kind.
//
// Secret values never appear in messages or logs; messages name the entry only.
//
// Use the store from the thread it lives in (normally the GUI thread). Destroying it with
// requests in flight is safe: their answers are dropped (QtKeychain still completes the jobs).
class CredentialStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CredentialStore)

public:
    explicit CredentialStore(QObject *parent = nullptr);
    ~CredentialStore() override;

    // Asks the keychain for an entry that cannot exist. "Not found" means the keychain works;
    // any error, or no answer within probeTimeout(), switches to memory-only mode. Answered by
    // probed().
    quint64 probe();
    std::chrono::milliseconds probeTimeout() const { return m_probeTimeout; }
    void setProbeTimeout(std::chrono::milliseconds timeout) { m_probeTimeout = timeout; }

    // Answered by readFinished(); an entry that does not exist gives found = false, not failed().
    quint64 read(const QString &entry);
    // Creates or replaces the entry. An empty secret, or one containing a NUL character, is
    // refused with failed(): use remove() to forget a secret. Answered by written() or failed().
    quint64 write(const QString &entry, const QString &secret);
    // Removing an entry that does not exist succeeds. Answered by removed() or failed().
    quint64 remove(const QString &entry);

    // True once the store has given up on the system keychain; it never goes back.
    bool isMemoryOnly() const { return m_memoryOnly; }
    // Why, translated, for a banner or status line; empty while the keychain is used.
    QString memoryOnlyReason() const { return m_memoryOnlyReason; }

    // The QtKeychain service name under which the entries are stored.
    static QString serviceName();

Q_SIGNALS:
    void probed(quint64 requestId, bool memoryOnly);
    void readFinished(quint64 requestId, const QString &entry, bool found, const QString &secret);
    void written(quint64 requestId, const QString &entry);
    void removed(quint64 requestId, const QString &entry);
    // The message is translated, names the entry and never contains the secret.
    void failed(quint64 requestId, const QString &entry, const QString &message);
    void memoryOnlyChanged(bool memoryOnly);

private:
    enum class Operation { Read, Write, Remove };
    struct Request {
        Operation operation;
        QString entry;
        QString secret; // Write only
    };

    quint64 nextRequestId() { return ++m_lastRequestId; }
    quint64 submit(Request request);
    void startKeychainJob(quint64 requestId, const Request &request);
    void answerFromMemory(quint64 requestId, const Request &request);
    void finishProbe(quint64 requestId, bool keychainWorks, const QString &detail);
    void switchToMemoryOnly(const QString &detail);
    void failLater(quint64 requestId, const QString &entry, const QString &message);
    void assertThread() const;

    // Requests handed to QtKeychain and not answered yet, by id (so in request order). When the
    // store switches to memory-only they are answered from memory at once and whatever
    // QtKeychain says about them later is ignored.
    QMap<quint64, Request> m_inFlight;
    QSet<quint64> m_pendingProbes;
    QHash<QString, QString> m_memory; // entry -> secret, memory-only mode only
    QString m_memoryOnlyReason;
    std::chrono::milliseconds m_probeTimeout{15000};
    quint64 m_lastRequestId = 0;
    bool m_memoryOnly = false;
};

} // namespace OpsDeck
