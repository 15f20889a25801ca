// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/remote/remotefile.h"
#include "models/remote/sshhandles.h"

#include <QList>
#include <QObject>
#include <QString>

namespace OpsDeck {

class SshSession;

// SFTP over a session: list a directory, stat a path, read a byte range. Requests made before
// the session is up wait for it. Lives in the session's thread.
class SftpClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SftpClient)

public:
    explicit SftpClient(SshSession *session, QObject *parent = nullptr);
    ~SftpClient() override;

    // Each is answered by the matching signal, with error empty on success.
    void listDirectory(quint64 id, const QString &path);
    void statPath(quint64 id, const QString &path);
    // At most `length` bytes from `offset` (at most 64 MiB).
    void readFile(quint64 id, const QString &path, qint64 offset, qint64 length);
    bool hasWaitingRequests() const { return !m_waiting.isEmpty(); }

Q_SIGNALS:
    void directoryListed(quint64 id, const QList<OpsDeck::RemoteFileInfo> &entries,
                         const QString &error);
    void pathStatted(quint64 id, const OpsDeck::RemoteFileInfo &info, const QString &error);
    void fileRead(quint64 id, const QByteArray &data, const QString &error);

private:
    struct Request {
        enum class Kind { List, Stat, Read };
        Kind kind = Kind::Stat;
        quint64 id = 0;
        QString path;
        qint64 offset = 0;
        qint64 length = 0;
    };
    void request(const Request &request);
    void answer(const Request &request);
    QString serve(const Request &request); // the error, or empty once answered
    void fail(const Request &request, const QString &error);
    QString sftpError(const QString &path) const;

    SshSession *m_session;
    SftpSessionHandle m_sftp; // opened on first use, dropped with the session
    QList<Request> m_waiting;
};

} // namespace OpsDeck
