// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/remote/sftpclient.h"

#include "models/remote/sshsession.h"

#include <algorithm>
#include <array>
#include <fcntl.h>

namespace OpsDeck {

namespace {

constexpr int ReadChunk = 64 * 1024;
constexpr qint64 MaximumFileRead = 64 * 1024 * 1024;

RemoteFileInfo toInfo(const sftp_attributes attributes, const QString &fallbackName)
{
    RemoteFileInfo info;
    info.name = attributes->name ? QString::fromUtf8(attributes->name) : fallbackName;
    info.size = qint64(attributes->size);
    info.modified = QDateTime::fromSecsSinceEpoch(
        qint64(attributes->mtime64 ? attributes->mtime64 : attributes->mtime), Qt::UTC);
    info.permissions = attributes->permissions;
    info.isDirectory = attributes->type == SSH_FILEXFER_TYPE_DIRECTORY;
    info.isSymlink = attributes->type == SSH_FILEXFER_TYPE_SYMLINK;
    info.owner = attributes->owner ? QString::fromUtf8(attributes->owner) : QString();
    info.group = attributes->group ? QString::fromUtf8(attributes->group) : QString();
    info.uid = attributes->uid;
    info.gid = attributes->gid;
    return info;
}

} // namespace

SftpClient::SftpClient(SshSession *session, QObject *parent)
    : QObject(parent)
    , m_session(session)
{
    connect(session, &SshSession::ready, this, [this] {
        for (const Request &waiting : std::exchange(m_waiting, {})) {
            if (m_session->isReady())
                answer(waiting);
            else
                m_waiting.append(waiting); // the session broke meanwhile: the next one serves it
        }
    });
    connect(session, &SshSession::failed, this, [this](const QString &reason) {
        for (const Request &waiting : std::exchange(m_waiting, {}))
            fail(waiting, reason);
    });
    connect(session, &SshSession::closing, this, [this] { m_sftp.reset(); });
}

SftpClient::~SftpClient() = default;

void SftpClient::listDirectory(quint64 id, const QString &path)
{
    request({Request::Kind::List, id, path, 0, 0});
}

void SftpClient::statPath(quint64 id, const QString &path)
{
    request({Request::Kind::Stat, id, path, 0, 0});
}

void SftpClient::readFile(quint64 id, const QString &path, qint64 offset, qint64 length)
{
    request({Request::Kind::Read, id, path, offset, length});
}

void SftpClient::request(const Request &request)
{
    if (m_session->isReady()) {
        answer(request);
        return;
    }
    m_waiting.append(request);
    m_session->connectToHost();
}

void SftpClient::fail(const Request &request, const QString &error)
{
    switch (request.kind) {
    case Request::Kind::List:
        Q_EMIT directoryListed(request.id, {}, error);
        break;
    case Request::Kind::Stat:
        Q_EMIT pathStatted(request.id, {}, error);
        break;
    case Request::Kind::Read:
        Q_EMIT fileRead(request.id, {}, error);
        break;
    }
}

void SftpClient::answer(const Request &request)
{
    const QString error = serve(request);
    if (error.isEmpty())
        return;
    fail(request, error);
    // The call may have failed because the connection broke (libssh then closed the socket):
    // the session fails now, not when its socket notifier finds a closed descriptor.
    m_session->checkAlive();
}

QString SftpClient::sftpError(const QString &path) const
{
    const QString host = m_session->settings().hostName;
    switch (m_sftp ? sftp_get_error(m_sftp.get()) : -1) {
    case SSH_FX_NO_SUCH_FILE:
        return tr("%1 on %2: no such file or directory").arg(path, host);
    case SSH_FX_PERMISSION_DENIED:
        return tr("%1 on %2: permission denied").arg(path, host);
    default:
        return tr("%1 on %2: %3").arg(path, host, m_session->lastError());
    }
}

QString SftpClient::serve(const Request &request)
{
    if (!m_sftp) {
        const SshSessionHandle &session = m_session->handle();
        SftpSessionHandle sftp(session, sftp_new(session.get()));
        if (!sftp || sftp_init(sftp.get()) != SSH_OK)
            return tr("%1 offers no SFTP: %2")
                .arg(m_session->settings().hostName, m_session->lastError());
        m_sftp = std::move(sftp);
    }
    const QByteArray path = request.path.toUtf8();
    switch (request.kind) {
    case Request::Kind::List: {
        const SftpDirHandle directory(sftp_opendir(m_sftp.get(), path.constData()));
        if (!directory)
            return sftpError(request.path);
        QList<RemoteFileInfo> entries;
        while (const SftpAttributesHandle attributes{sftp_readdir(m_sftp.get(), directory.get())}) {
            const QString name = QString::fromUtf8(attributes->name);
            if (name != u"." && name != u"..")
                entries.append(toInfo(attributes.get(), name));
        }
        if (!sftp_dir_eof(directory.get()))
            return sftpError(request.path);
        std::ranges::sort(entries, [](const RemoteFileInfo &a, const RemoteFileInfo &b) {
            return a.name < b.name;
        });
        Q_EMIT directoryListed(request.id, entries, {});
        return {};
    }
    case Request::Kind::Stat: {
        const SftpAttributesHandle attributes(sftp_stat(m_sftp.get(), path.constData()));
        if (!attributes)
            return sftpError(request.path);
        Q_EMIT pathStatted(request.id, toInfo(attributes.get(), request.path.section(u'/', -1)),
                           {});
        return {};
    }
    case Request::Kind::Read: {
        if (request.offset < 0 || request.length < 0 || request.length > MaximumFileRead)
            return tr("a read of %1 bytes at %2 is out of range (at most %3 bytes)")
                .arg(request.length)
                .arg(request.offset)
                .arg(MaximumFileRead);
        const SftpFileHandle file(sftp_open(m_sftp.get(), path.constData(), O_RDONLY, 0));
        if (!file || sftp_seek64(file.get(), quint64(request.offset)) != 0)
            return sftpError(request.path);
        QByteArray data;
        std::array<char, ReadChunk> buffer{};
        while (data.size() < request.length) {
            const ssize_t read =
                sftp_read(file.get(), buffer.data(),
                          size_t(std::min<qint64>(buffer.size(), request.length - data.size())));
            if (read < 0)
                return sftpError(request.path);
            if (read == 0)
                break; // end of file
            data.append(buffer.data(), read);
        }
        Q_EMIT fileRead(request.id, data, {});
        return {};
    }
    }
    return {}; // unreachable: every kind is handled above
}

} // namespace OpsDeck
