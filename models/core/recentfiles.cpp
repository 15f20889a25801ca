// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/core/recentfiles.h"

#include <QFileInfo>

namespace OpsDeck {

RecentFiles::RecentFiles(QString settingsKey, int capacity)
    : m_key(std::move(settingsKey))
    , m_capacity(capacity)
{
}

QStringList RecentFiles::files() const
{
    return QSettings().value(m_key).toStringList();
}

void RecentFiles::add(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList list = files();
    list.removeAll(absolute);
    list.prepend(absolute);
    store(list);
}

void RecentFiles::remove(const QString &path)
{
    QStringList list = files();
    list.removeAll(QFileInfo(path).absoluteFilePath());
    store(list);
}

void RecentFiles::clear()
{
    store({});
}

void RecentFiles::store(const QStringList &files)
{
    QSettings().setValue(m_key, files.mid(0, m_capacity));
}

} // namespace OpsDeck
