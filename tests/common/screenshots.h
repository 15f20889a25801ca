// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QDir>
#include <QTest>
#include <QWidget>

// Saves a picture of a widget under the build tree's screenshots/ folder, for people to look
// at: the GUI tests' way of showing what they saw.
inline void saveScreenshot(QWidget &widget, const QString &name)
{
    // Widgets added to a visible layout are shown by a queued call: let it run first.
    QCoreApplication::processEvents();
    const QString directory = QStringLiteral(OPSDECK_BINARY_DIR "/screenshots");
    QDir().mkpath(directory);
    const QString path = directory + u'/' + name + u".png";
    QVERIFY2(widget.grab().save(path), qPrintable(path));
}
