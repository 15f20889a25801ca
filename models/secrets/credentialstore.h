// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QMap>
#include <QObject>
#include <QSet>
#include <QString>
#include <QStringList>

#include <chrono>
#include <functional>
#include <optional>

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
// A secret is bound to the address it is for ("host:port": an SSH server, a database server):
// readFor() hands it out only for that address. The first use binds an entry that has no
// binding yet (one created outside OpsDeck); write() with an address binds it anew. Sending
// it to another address needs the user's consent once per entry and address: addressQuestion()
// asks, answerAddressQuestion() answers, and the consent is kept with the binding. When
// nobody listens to addressQuestion() (headless use) the secret is refused instead. Bindings
// are not secret but live in the keychain too, as a second entry next to the secret
// (bindingEntry()), so that nothing about secrets is kept in a plain file.
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
    // Bindings are not looked at: use readFor() for a secret that is sent anywhere.
    quint64 read(const QString &entry);
    // read() for sending the secret to address (see secretAddress()). Answered by
    // readFinished() when the entry is bound to that address or the user consented once, or
    // found = false; by failed() when the user refuses or nobody can be asked. May first ask
    // addressQuestion().
    quint64 readFor(const QString &entry, const QString &address);
    // Creates or replaces the entry. An empty secret, or one containing a NUL character, is
    // refused with failed(): use remove() to forget a secret. Answered by written() or failed().
    quint64 write(const QString &entry, const QString &secret);
    // write(), and binds the entry to address alone (consents given before are forgotten: it
    // is a new secret).
    quint64 write(const QString &entry, const QString &secret, const QString &address);
    // Removing an entry that does not exist succeeds; its binding goes too. Answered by
    // removed() or failed().
    quint64 remove(const QString &entry);
    // The answer to addressQuestion(); questions answered already or unknown are ignored.
    void answerAddressQuestion(quint64 requestId, bool send);

    // True once the store has given up on the system keychain; it never goes back.
    bool isMemoryOnly() const { return m_memoryOnly; }
    // Why, translated, for a banner or status line; empty while the keychain is used.
    QString memoryOnlyReason() const { return m_memoryOnlyReason; }

    // The QtKeychain service name under which the entries are stored.
    static QString serviceName();
    // The keychain entry that holds the binding of an entry.
    static QString bindingEntry(const QString &entry);

Q_SIGNALS:
    void probed(quint64 requestId, bool memoryOnly);
    void readFinished(quint64 requestId, const QString &entry, bool found, const QString &secret);
    void written(quint64 requestId, const QString &entry);
    void removed(quint64 requestId, const QString &entry);
    // The message is translated, names the entry and never contains the secret.
    void failed(quint64 requestId, const QString &entry, const QString &message);
    void memoryOnlyChanged(bool memoryOnly);
    // readFor() wants to send an entry bound to boundAddress to address: should it? Answer
    // with answerAddressQuestion(); until then the read waits.
    void addressQuestion(quint64 requestId, const QString &entry, const QString &boundAddress,
                         const QString &address);

private:
    enum class Operation { Read, Write, Remove };
    // What one keychain operation came to.
    struct Result {
        enum class Kind { Found, NotFound, Written, Removed, Failed };
        Kind kind = Kind::Failed;
        QString secret;  // Found
        QString message; // Failed
    };
    struct Request {
        Operation operation;
        QString entry;
        QString secret; // Write only
        // Set for the steps of a bound read, write or remove: the result goes here instead
        // of out as a signal.
        std::function<void(const Result &)> done;
    };
    // A readFor() under way: the binding and the secret are read together; the answer goes out
    // once both are in (and, when needed, the user consented and the binding was written).
    struct BoundRead {
        QString entry;
        QString address;
        std::optional<Result> binding;
        std::optional<Result> secret;
        bool consentGiven = false;
        QString bindingToWrite; // encoded; written before the answer goes out
    };
    quint64 nextRequestId() { return ++m_lastRequestId; }
    quint64 submit(Request request);
    void deliver(quint64 requestId, const Request &request, const Result &result);
    std::function<void(const Result &)> step(quint64 requestId,
                                             std::optional<Result> BoundRead::*slot);
    void settleBoundRead(quint64 requestId);
    void finishBoundRead(quint64 requestId, const BoundRead &read);
    void startKeychainJob(quint64 requestId, const Request &request);
    void answerFromMemory(quint64 requestId, const Request &request);
    void finishProbe(quint64 requestId, bool keychainWorks, const QString &detail);
    void switchToMemoryOnly(const QString &detail);
    void failLater(quint64 requestId, const QString &entry, const QString &message);
    void deliverLater(quint64 requestId, const Request &request, const Result &result);
    // Why a write cannot be done; empty when it can.
    QString writeProblem(const QString &entry, const QString &secret) const;
    void assertThread() const;

    // Requests handed to QtKeychain and not answered yet, by id (so in request order). When the
    // store switches to memory-only they are answered from memory at once and whatever
    // QtKeychain says about them later is ignored.
    QMap<quint64, Request> m_inFlight;
    QSet<quint64> m_pendingProbes;
    QHash<QString, QString> m_memory; // entry -> secret, memory-only mode only
    QHash<quint64, BoundRead> m_boundReads;
    QSet<quint64> m_questionsOut; // bound reads whose addressQuestion() awaits its answer
    QString m_memoryOnlyReason;
    std::chrono::milliseconds m_probeTimeout{15000};
    quint64 m_lastRequestId = 0;
    bool m_memoryOnly = false;
};

// The address a secret is bound to: "host:port", the host in lower case, an IPv6 address in
// brackets ("[::1]:22").
QString secretAddress(const QString &host, int port);

} // namespace OpsDeck
