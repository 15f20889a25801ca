// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSettings>
#include <QStringList>

namespace OpsDeck {

// Most-recently-used list of files kept in QSettings under one key, newest first, without
// duplicates and capped in length.
class RecentFiles final
{
public:
    explicit RecentFiles(QString settingsKey, int capacity = 10);

    QStringList files() const;
    void add(const QString &path);
    void remove(const QString &path);
    void clear();

private:
    void store(const QStringList &files);

    QString m_key;
    int m_capacity;
};

} // namespace OpsDeck
