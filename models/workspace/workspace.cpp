// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/workspace/workspace.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace OpsDeck {

const Database *Host::findDatabase(QStringView databaseName) const
{
    for (const Database &database : databases) {
        if (database.name == databaseName)
            return &database;
    }
    return nullptr;
}

const BackupLocation *Host::findBackupLocation(QStringView locationName) const
{
    for (const BackupLocation &backup : backups) {
        if (backup.name == locationName)
            return &backup;
    }
    return nullptr;
}

const Host *Workspace::findHost(QStringView hostName) const
{
    for (const Environment &environment : environments) {
        for (const Host &host : environment.hosts) {
            if (host.name == hostName)
                return &host;
        }
    }
    return nullptr;
}

qsizetype Workspace::hostCount() const
{
    qsizetype count = 0;
    for (const Environment &environment : environments)
        count += environment.hosts.size();
    return count;
}

QString toString(AuthMethod method)
{
    switch (method) {
    case AuthMethod::Agent:
        return QStringLiteral("agent");
    case AuthMethod::Key:
        return QStringLiteral("key");
    case AuthMethod::Password:
        return QStringLiteral("password");
    case AuthMethod::KeyboardInteractive:
        return QStringLiteral("keyboard-interactive");
    }
    return {};
}

QString toString(LogSource::Kind kind)
{
    switch (kind) {
    case LogSource::Kind::File:
        return QStringLiteral("file");
    case LogSource::Kind::Journald:
        return QStringLiteral("journald");
    case LogSource::Kind::Docker:
        return QStringLiteral("docker");
    case LogSource::Kind::Podman:
        return QStringLiteral("podman");
    case LogSource::Kind::Kubernetes:
        return QStringLiteral("kubernetes");
    }
    return {};
}

QString pgDumpOptionRefusal(const QString &option)
{
    // Flags without a value, and options whose value only chooses objects or a setting.
    static const QStringList flags{u"--no-owner"_s,
                                   u"--no-privileges"_s,
                                   u"--no-acl"_s,
                                   u"--no-comments"_s,
                                   u"--no-publications"_s,
                                   u"--no-subscriptions"_s,
                                   u"--no-security-labels"_s,
                                   u"--no-tablespaces"_s,
                                   u"--no-toast-compression"_s,
                                   u"--no-unlogged-table-data"_s,
                                   u"--no-large-objects"_s,
                                   u"--large-objects"_s,
                                   u"--blobs"_s,
                                   u"--no-blobs"_s,
                                   u"--schema-only"_s,
                                   u"--data-only"_s,
                                   u"--load-via-partition-root"_s,
                                   u"--quote-all-identifiers"_s,
                                   u"--serializable-deferrable"_s,
                                   u"--enable-row-security"_s,
                                   u"--no-synchronized-snapshots"_s};
    static const QStringList valued{u"--schema"_s,
                                    u"--exclude-schema"_s,
                                    u"--table"_s,
                                    u"--exclude-table"_s,
                                    u"--exclude-table-data"_s,
                                    u"--exclude-table-and-children"_s,
                                    u"--table-and-children"_s,
                                    u"--exclude-table-data-and-children"_s,
                                    u"--extension"_s,
                                    u"--exclude-extension"_s,
                                    u"--compress"_s,
                                    u"--lock-wait-timeout"_s,
                                    u"--section"_s,
                                    u"--encoding"_s,
                                    u"--extra-float-digits"_s,
                                    u"--rows-per-insert"_s};
    if (flags.contains(option))
        return {};
    const qsizetype equals = option.indexOf(u'=');
    if (equals > 0 && valued.contains(option.left(equals)) && equals + 1 < option.size() &&
        !option.contains(u'\n'))
        return {};
    if (equals < 0 && valued.contains(option))
        return QCoreApplication::translate("Workspace", "'%1' needs its value after '=' "
                                                        "(%1=VALUE)")
            .arg(option);
    return QCoreApplication::translate("Workspace",
                                       "'%1' is not a pg_dump option OpsDeck passes: only long "
                                       "options that choose what is dumped are allowed, not "
                                       "ones that set the file, the format or the connection")
        .arg(option);
}

} // namespace OpsDeck
