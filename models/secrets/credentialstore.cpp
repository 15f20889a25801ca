// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/secrets/credentialstore.h"

#include <QMetaObject>
#include <QThread>
#include <QTimer>
#include <QUuid>
#include <qt6keychain/keychain.h>

#include <algorithm>
#include <utility>

namespace OpsDeck {

namespace {

// How QtKeychain's answer is handled. NoBackendAvailable, NotImplemented and OtherError all mean
// that there is no usable keychain: no D-Bus session ("Cannot autolaunch D-Bus without X11
// $DISPLAY"), no Secret Service or KWallet on the bus, no libsecret.
enum class Outcome { Done, NotFound, NoKeychain, Refused };

Outcome outcomeOf(QKeychain::Error error)
{
    switch (error) {
    case QKeychain::NoError:
        return Outcome::Done;
    case QKeychain::EntryNotFound:
        return Outcome::NotFound;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
    case QKeychain::OtherError:
        return Outcome::NoKeychain;
    case QKeychain::CouldNotDeleteEntry:
    case QKeychain::AccessDeniedByUser:
    case QKeychain::AccessDenied:
        return Outcome::Refused;
    }
    return Outcome::NoKeychain;
}

} // namespace

CredentialStore::CredentialStore(QObject *parent)
    : QObject(parent)
{
}

// Jobs still running have no parent and delete themselves when QtKeychain finishes them; their
// connections to this object go away with it. Deleting a running job instead would leave
// libsecret calling back into freed memory.
CredentialStore::~CredentialStore() = default;

QString CredentialStore::serviceName()
{
    return QStringLiteral("OpsDeck");
}

quint64 CredentialStore::probe()
{
    assertThread();
    const quint64 id = nextRequestId();
    if (m_memoryOnly) {
        QMetaObject::invokeMethod(
            this, [this, id] { Q_EMIT probed(id, true); }, Qt::QueuedConnection);
        return id;
    }
    m_pendingProbes.insert(id);

    // A fresh random name: no user entry can have it, and nothing is ever written under it.
    auto *job = new QKeychain::ReadPasswordJob(serviceName());
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(QStringLiteral("opsdeck-probe/") +
                QUuid::createUuid().toString(QUuid::WithoutBraces));
    connect(job, &QKeychain::Job::finished, this, [this, id](QKeychain::Job *finished) {
        const QKeychain::Error error = finished->error();
        const bool works = error == QKeychain::NoError || error == QKeychain::EntryNotFound;
        finishProbe(id, works, finished->errorString());
    });
    QTimer::singleShot(m_probeTimeout, this, [this, id] {
        const auto seconds = std::chrono::ceil<std::chrono::seconds>(m_probeTimeout).count();
        finishProbe(
            id, false,
            tr("the keychain service did not answer within %n second(s)", nullptr, int(seconds)));
    });
    job->start();
    return id;
}

quint64 CredentialStore::read(const QString &entry)
{
    return submit({Operation::Read, entry, {}});
}

quint64 CredentialStore::write(const QString &entry, const QString &secret)
{
    return submit({Operation::Write, entry, secret});
}

quint64 CredentialStore::remove(const QString &entry)
{
    return submit({Operation::Remove, entry, {}});
}

quint64 CredentialStore::submit(Request request)
{
    assertThread();
    const quint64 id = nextRequestId();
    if (request.entry.isEmpty()) {
        failLater(id, request.entry, tr("The keychain entry has no name."));
        return id;
    }
    if (request.operation == Operation::Write) {
        if (request.secret.isEmpty()) {
            failLater(id, request.entry,
                      tr("The password for 'keychain:%1' is empty; remove the entry instead.")
                          .arg(request.entry));
            return id;
        }
        // libsecret and KWallet take the password as a C string.
        if (request.secret.contains(QChar(u'\0'))) {
            failLater(id, request.entry,
                      tr("The password for 'keychain:%1' contains a NUL character, which the "
                         "system keychain cannot store.")
                          .arg(request.entry));
            return id;
        }
    }

    if (m_memoryOnly)
        answerFromMemory(id, request);
    else
        startKeychainJob(id, request);
    return id;
}

void CredentialStore::startKeychainJob(quint64 requestId, const Request &request)
{
    QKeychain::Job *job = nullptr;
    switch (request.operation) {
    case Operation::Read:
        job = new QKeychain::ReadPasswordJob(serviceName());
        break;
    case Operation::Write: {
        auto *writeJob = new QKeychain::WritePasswordJob(serviceName());
        writeJob->setTextData(request.secret);
        job = writeJob;
        break;
    }
    case Operation::Remove:
        job = new QKeychain::DeletePasswordJob(serviceName());
        break;
    }
    job->setAutoDelete(true);
    job->setInsecureFallback(false); // the default; never a plain-text file
    job->setKey(request.entry);
    m_inFlight.insert(requestId, request);

    connect(job, &QKeychain::Job::finished, this, [this, requestId](QKeychain::Job *finished) {
        const auto it = m_inFlight.constFind(requestId);
        if (it == m_inFlight.cend())
            return; // answered from memory when the store gave up on the keychain
        const Operation operation = it->operation;
        const QString entry = it->entry;
        const QString detail =
            finished->errorString().isEmpty() ? tr("unknown error") : finished->errorString();
        const Outcome outcome = outcomeOf(finished->error());
        if (outcome == Outcome::NoKeychain) {
            switchToMemoryOnly(detail); // answers this request and all others in flight
            return;
        }
        m_inFlight.erase(it);

        switch (operation) {
        case Operation::Read:
            if (outcome == Outcome::Done) {
                const auto *readJob = static_cast<QKeychain::ReadPasswordJob *>(finished);
                Q_EMIT readFinished(requestId, entry, true, readJob->textData());
            } else if (outcome == Outcome::NotFound) {
                Q_EMIT readFinished(requestId, entry, false, {});
            } else {
                Q_EMIT failed(requestId, entry,
                              tr("Cannot read 'keychain:%1' from the system keychain: %2")
                                  .arg(entry, detail));
            }
            break;
        case Operation::Write:
            if (outcome == Outcome::Done) {
                Q_EMIT written(requestId, entry);
            } else {
                Q_EMIT failed(
                    requestId, entry,
                    tr("Cannot store 'keychain:%1' in the system keychain: %2").arg(entry, detail));
            }
            break;
        case Operation::Remove:
            if (outcome == Outcome::Done || outcome == Outcome::NotFound) {
                Q_EMIT removed(requestId, entry);
            } else {
                Q_EMIT failed(requestId, entry,
                              tr("Cannot remove 'keychain:%1' from the system keychain: %2")
                                  .arg(entry, detail));
            }
            break;
        }
    });
    job->start();
}

void CredentialStore::answerFromMemory(quint64 requestId, const Request &request)
{
    // Queued even when the answer is known at once: callers get the id before its answer.
    QMetaObject::invokeMethod(
        this,
        [this, requestId, request] {
            switch (request.operation) {
            case Operation::Read: {
                const auto it = m_memory.constFind(request.entry);
                const bool found = it != m_memory.cend();
                Q_EMIT readFinished(requestId, request.entry, found, found ? *it : QString());
                break;
            }
            case Operation::Write:
                m_memory.insert(request.entry, request.secret);
                Q_EMIT written(requestId, request.entry);
                break;
            case Operation::Remove:
                m_memory.remove(request.entry);
                Q_EMIT removed(requestId, request.entry);
                break;
            }
        },
        Qt::QueuedConnection);
}

void CredentialStore::finishProbe(quint64 requestId, bool keychainWorks, const QString &detail)
{
    if (!m_pendingProbes.remove(requestId))
        return; // answered already (timeout, or the store switched for another request)
    if (!keychainWorks)
        switchToMemoryOnly(detail.isEmpty() ? tr("unknown error") : detail);
    Q_EMIT probed(requestId, m_memoryOnly);
}

void CredentialStore::switchToMemoryOnly(const QString &detail)
{
    if (m_memoryOnly)
        return;
    m_memoryOnly = true;
    m_memoryOnlyReason = tr("No system keychain is available (%1); passwords are kept in memory "
                            "until OpsDeck quits.")
                             .arg(detail);

    // Whatever was waiting for QtKeychain is answered from memory, in request order, before
    // anything asked from now on.
    const QMap<quint64, Request> abandoned = std::exchange(m_inFlight, {});
    for (auto it = abandoned.cbegin(); it != abandoned.cend(); ++it)
        answerFromMemory(it.key(), it.value());

    QList<quint64> probes(m_pendingProbes.cbegin(), m_pendingProbes.cend());
    m_pendingProbes.clear();
    std::sort(probes.begin(), probes.end());
    for (const quint64 id : std::as_const(probes)) {
        QMetaObject::invokeMethod(
            this, [this, id] { Q_EMIT probed(id, true); }, Qt::QueuedConnection);
    }

    Q_EMIT memoryOnlyChanged(true);
}

void CredentialStore::failLater(quint64 requestId, const QString &entry, const QString &message)
{
    QMetaObject::invokeMethod(
        this, [this, requestId, entry, message] { Q_EMIT failed(requestId, entry, message); },
        Qt::QueuedConnection);
}

void CredentialStore::assertThread() const
{
    Q_ASSERT_X(QThread::currentThread() == thread(), "CredentialStore",
               "used from a thread it does not belong to");
}

} // namespace OpsDeck
