// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/secrets/credentialstore.h"

#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMetaMethod>
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

struct Binding {
    QString address;
    QStringList consented; // other addresses the user agreed to send the secret to
};

QString encodeBinding(const Binding &binding)
{
    const QJsonObject object{
        {QStringLiteral("address"), binding.address},
        {QStringLiteral("consented"), QJsonArray::fromStringList(binding.consented)}};
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

std::optional<Binding> decodeBinding(const QString &text)
{
    const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8());
    const QJsonValue address = document.object().value(QStringLiteral("address"));
    if (!document.isObject() || !address.isString() || address.toString().isEmpty())
        return std::nullopt;
    Binding binding;
    binding.address = address.toString();
    for (const QJsonValue &value : document.object().value(QStringLiteral("consented")).toArray())
        binding.consented.append(value.toString());
    return binding;
}

} // namespace

QString secretAddress(const QString &host, int port)
{
    QString lower = host.toLower();
    if (lower.contains(u':') && !lower.startsWith(u'['))
        lower = u'[' + lower + u']';
    return lower + u':' + QString::number(port);
}

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

QString CredentialStore::bindingEntry(const QString &entry)
{
    return QStringLiteral("opsdeck-address-binding:") + entry;
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
    return submit({Operation::Read, entry, {}, {}});
}

quint64 CredentialStore::write(const QString &entry, const QString &secret)
{
    return submit({Operation::Write, entry, secret, {}});
}

quint64 CredentialStore::write(const QString &entry, const QString &secret, const QString &address)
{
    assertThread();
    const quint64 id = nextRequestId();
    if (QString problem = writeProblem(entry, secret); !problem.isEmpty()) {
        failLater(id, entry, problem);
        return id;
    }
    if (address.isEmpty()) {
        failLater(id, entry, tr("'keychain:%1' is to be bound to no address.").arg(entry));
        return id;
    }
    // Both jobs queue now, so the answer comes before those of later requests. The secret
    // first: a binding without its secret binds nothing.
    auto secretError = std::make_shared<QString>();
    submit({Operation::Write, entry, secret, [secretError](const Result &result) {
                if (result.kind == Result::Kind::Failed)
                    *secretError = result.message;
            }});
    submit({Operation::Write, bindingEntry(entry), encodeBinding({address, {}}),
            [this, id, entry, secretError](const Result &result) {
                if (!secretError->isEmpty()) {
                    Q_EMIT failed(id, entry, *secretError);
                } else if (result.kind == Result::Kind::Failed) {
                    Q_EMIT failed(id, entry,
                                  tr("Cannot store the address 'keychain:%1' is bound to: %2")
                                      .arg(entry, result.message));
                } else {
                    Q_EMIT written(id, entry);
                }
            }});
    return id;
}

quint64 CredentialStore::remove(const QString &entry)
{
    assertThread();
    const quint64 id = nextRequestId();
    if (entry.isEmpty()) {
        failLater(id, entry, tr("The keychain entry has no name."));
        return id;
    }
    auto secretError = std::make_shared<QString>();
    submit({Operation::Remove, entry, {}, [secretError](const Result &result) {
                if (result.kind == Result::Kind::Failed)
                    *secretError = result.message;
            }});
    submit({Operation::Remove,
            bindingEntry(entry),
            {},
            [this, id, entry, secretError](const Result &result) {
                if (!secretError->isEmpty())
                    Q_EMIT failed(id, entry, *secretError);
                else if (result.kind == Result::Kind::Failed)
                    Q_EMIT failed(id, entry, result.message);
                else
                    Q_EMIT removed(id, entry);
            }});
    return id;
}

quint64 CredentialStore::readFor(const QString &entry, const QString &address)
{
    assertThread();
    const quint64 id = nextRequestId();
    if (entry.isEmpty()) {
        failLater(id, entry, tr("The keychain entry has no name."));
        return id;
    }
    if (address.isEmpty()) {
        failLater(id, entry,
                  tr("'keychain:%1' is asked for without the address it goes to.").arg(entry));
        return id;
    }
    m_boundReads.insert(id, {entry, address, {}, {}, false, {}});
    submit({Operation::Read, bindingEntry(entry), {}, step(id, &BoundRead::binding)});
    submit({Operation::Read, entry, {}, step(id, &BoundRead::secret)});
    return id;
}

std::function<void(const CredentialStore::Result &)>
CredentialStore::step(quint64 requestId, std::optional<Result> BoundRead::*slot)
{
    return [this, requestId, slot](const Result &result) {
        const auto it = m_boundReads.find(requestId);
        if (it == m_boundReads.end())
            return;
        (*it).*slot = result;
        settleBoundRead(requestId);
    };
}

void CredentialStore::settleBoundRead(quint64 requestId)
{
    const auto it = m_boundReads.find(requestId);
    if (it == m_boundReads.end() || !it->binding || !it->secret)
        return; // the other half is still on its way
    const BoundRead read = *it;
    const auto fail = [&](const QString &message) {
        m_boundReads.remove(requestId);
        Q_EMIT failed(requestId, read.entry, message);
    };
    if (read.secret->kind == Result::Kind::Failed)
        return fail(read.secret->message);
    if (read.secret->kind == Result::Kind::NotFound) {
        m_boundReads.remove(requestId); // nothing to send, nothing to bind
        Q_EMIT readFinished(requestId, read.entry, false, {});
        return;
    }
    if (read.binding->kind == Result::Kind::Failed) {
        return fail(tr("Cannot read the address 'keychain:%1' is bound to: %2")
                        .arg(read.entry, read.binding->message));
    }
    if (read.binding->kind == Result::Kind::NotFound) {
        // Never used by OpsDeck (stored by another tool): bound to where it is first sent.
        it->bindingToWrite = encodeBinding({read.address, {}});
        return finishBoundRead(requestId, *it);
    }
    const std::optional<Binding> binding = decodeBinding(read.binding->secret);
    if (!binding) {
        return fail(tr("The address 'keychain:%1' is bound to cannot be read; store the secret "
                       "again to bind it anew.")
                        .arg(read.entry));
    }
    if (binding->address == read.address || binding->consented.contains(read.address) ||
        read.consentGiven) {
        if (read.consentGiven) {
            Binding widened = *binding;
            widened.consented.append(read.address);
            it->bindingToWrite = encodeBinding(widened);
        }
        return finishBoundRead(requestId, *it);
    }
    // Sent elsewhere than it was stored for: only with the user's consent, asked once.
    if (!isSignalConnected(QMetaMethod::fromSignal(&CredentialStore::addressQuestion))) {
        return fail(tr("'keychain:%1' was stored for %2. OpsDeck does not send it to %3 without "
                       "your consent, and nobody is here to give it.")
                        .arg(read.entry, binding->address, read.address));
    }
    it->secret.reset(); // not kept while the user thinks; read again after a yes
    m_questionsOut.insert(requestId);
    Q_EMIT addressQuestion(requestId, read.entry, binding->address, read.address);
}

void CredentialStore::answerAddressQuestion(quint64 requestId, bool send)
{
    if (!m_questionsOut.remove(requestId))
        return;
    const auto it = m_boundReads.find(requestId);
    if (it == m_boundReads.end())
        return;
    if (!send) {
        const BoundRead read = *it;
        m_boundReads.erase(it);
        const std::optional<Binding> binding = decodeBinding(read.binding->secret);
        Q_EMIT failed(requestId, read.entry,
                      tr("'keychain:%1' was not sent to %2: it was stored for %3, and you did not "
                         "agree to send it elsewhere.")
                          .arg(read.entry, read.address, binding ? binding->address : QString()));
        return;
    }
    it->consentGiven = true;
    submit({Operation::Read, it->entry, {}, step(requestId, &BoundRead::secret)});
}

void CredentialStore::finishBoundRead(quint64 requestId, const BoundRead &read)
{
    if (read.bindingToWrite.isEmpty()) {
        m_boundReads.remove(requestId);
        Q_EMIT readFinished(requestId, read.entry, true, read.secret->secret);
        return;
    }
    // The binding (or the consent) is stored before the secret goes out.
    const QString binding = read.bindingToWrite;
    m_boundReads[requestId].bindingToWrite.clear();
    submit({Operation::Write, bindingEntry(read.entry), binding,
            [this, requestId](const Result &result) {
                const auto it = m_boundReads.find(requestId);
                if (it == m_boundReads.end())
                    return;
                const BoundRead done = *it;
                m_boundReads.erase(it);
                if (result.kind == Result::Kind::Failed) {
                    Q_EMIT failed(requestId, done.entry,
                                  tr("Cannot store the address 'keychain:%1' is bound to: %2")
                                      .arg(done.entry, result.message));
                    return;
                }
                Q_EMIT readFinished(requestId, done.entry, true, done.secret->secret);
            }});
}

QString CredentialStore::writeProblem(const QString &entry, const QString &secret) const
{
    if (entry.isEmpty())
        return tr("The keychain entry has no name.");
    if (secret.isEmpty())
        return tr("The password for 'keychain:%1' is empty; remove the entry instead.").arg(entry);
    // libsecret and KWallet take the password as a C string.
    if (secret.contains(QChar(u'\0'))) {
        return tr("The password for 'keychain:%1' contains a NUL character, which the "
                  "system keychain cannot store.")
            .arg(entry);
    }
    return {};
}

quint64 CredentialStore::submit(Request request)
{
    assertThread();
    const quint64 id = nextRequestId();
    const QString problem =
        request.operation == Operation::Write
            ? writeProblem(request.entry, request.secret)
            : (request.entry.isEmpty() ? tr("The keychain entry has no name.") : QString());
    if (!problem.isEmpty()) {
        deliverLater(id, request, {Result::Kind::Failed, {}, problem});
        return id;
    }
    if (m_memoryOnly)
        answerFromMemory(id, request);
    else
        startKeychainJob(id, request);
    return id;
}

void CredentialStore::deliver(quint64 requestId, const Request &request, const Result &result)
{
    if (request.done) {
        request.done(result);
        return;
    }
    switch (result.kind) {
    case Result::Kind::Found:
        Q_EMIT readFinished(requestId, request.entry, true, result.secret);
        break;
    case Result::Kind::NotFound:
        Q_EMIT readFinished(requestId, request.entry, false, {});
        break;
    case Result::Kind::Written:
        Q_EMIT written(requestId, request.entry);
        break;
    case Result::Kind::Removed:
        Q_EMIT removed(requestId, request.entry);
        break;
    case Result::Kind::Failed:
        Q_EMIT failed(requestId, request.entry, result.message);
        break;
    }
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
        const Request answered = *it;
        m_inFlight.erase(it);

        Result result;
        switch (operation) {
        case Operation::Read:
            if (outcome == Outcome::Done) {
                const auto *readJob = static_cast<QKeychain::ReadPasswordJob *>(finished);
                result = {Result::Kind::Found, readJob->textData(), {}};
            } else if (outcome == Outcome::NotFound) {
                result = {Result::Kind::NotFound, {}, {}};
            } else {
                result = {Result::Kind::Failed,
                          {},
                          tr("Cannot read 'keychain:%1' from the system keychain: %2")
                              .arg(entry, detail)};
            }
            break;
        case Operation::Write:
            if (outcome == Outcome::Done) {
                result = {Result::Kind::Written, {}, {}};
            } else {
                result = {
                    Result::Kind::Failed,
                    {},
                    tr("Cannot store 'keychain:%1' in the system keychain: %2").arg(entry, detail)};
            }
            break;
        case Operation::Remove:
            if (outcome == Outcome::Done || outcome == Outcome::NotFound) {
                result = {Result::Kind::Removed, {}, {}};
            } else {
                result = {Result::Kind::Failed,
                          {},
                          tr("Cannot remove 'keychain:%1' from the system keychain: %2")
                              .arg(entry, detail)};
            }
            break;
        }
        deliver(requestId, answered, result);
    });
    job->start();
}

void CredentialStore::answerFromMemory(quint64 requestId, const Request &request)
{
    // Queued even when the answer is known at once: callers get the id before its answer.
    QMetaObject::invokeMethod(
        this,
        [this, requestId, request] {
            Result result;
            switch (request.operation) {
            case Operation::Read: {
                const auto it = m_memory.constFind(request.entry);
                result = it != m_memory.cend() ? Result{Result::Kind::Found, *it, {}}
                                               : Result{Result::Kind::NotFound, {}, {}};
                break;
            }
            case Operation::Write:
                m_memory.insert(request.entry, request.secret);
                result = {Result::Kind::Written, {}, {}};
                break;
            case Operation::Remove:
                m_memory.remove(request.entry);
                result = {Result::Kind::Removed, {}, {}};
                break;
            }
            deliver(requestId, request, result);
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
    deliverLater(requestId, {Operation::Read, entry, {}, {}}, {Result::Kind::Failed, {}, message});
}

void CredentialStore::deliverLater(quint64 requestId, const Request &request, const Result &result)
{
    QMetaObject::invokeMethod(
        this, [this, requestId, request, result] { deliver(requestId, request, result); },
        Qt::QueuedConnection);
}

void CredentialStore::assertThread() const
{
    Q_ASSERT_X(QThread::currentThread() == thread(), "CredentialStore",
               "used from a thread it does not belong to");
}

} // namespace OpsDeck
