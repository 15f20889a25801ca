// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/workspace/workspacedocument.h"
#include "testfiles.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>

using namespace OpsDeck;
using namespace Qt::StringLiterals;

namespace {

const QByteArray valid = "# team estate\nenvironments:\n  - name: prod  # live\n    hosts:\n"
                         "      - name: web-1\n        address: 10.0.0.1   # primary\n";

void writeFile(const QString &path, const QByteArray &text)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(file.write(text), text.size());
}

} // namespace

class WorkspaceDocumentTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void startsOnBuiltInWorkspace();
    void opensFileInBackground();
    void brokenFileKeepsLastGoodWorkspaceAndIsNotWritten();
    void reloadsWhenFileChangesOnDisk();
    void followsFileReplacedByRename();
    void editKeepsCommentsAndReloadsNothing();
    void editRefusedWhenFileChangedOnDisk();
    void editRefusedWhenResultIsInvalid();
    void builtInCannotBeEdited();
    void useBuiltInDropsPendingLoad();

private:
    std::unique_ptr<QTemporaryDir> m_directory;
    QString m_path;
};

void WorkspaceDocumentTest::init()
{
    m_directory = std::make_unique<QTemporaryDir>();
    QVERIFY(m_directory->isValid());
    m_path = m_directory->filePath(u"workspace.yaml"_s);
    writeFile(m_path, valid);
}

void WorkspaceDocumentTest::startsOnBuiltInWorkspace()
{
    WorkspaceDocument document;
    QVERIFY(document.workspace().isBuiltIn());
    QVERIFY(document.filePath().isEmpty());
    QVERIFY(document.diagnostics().isEmpty());
}

void WorkspaceDocumentTest::opensFileInBackground()
{
    WorkspaceDocument document;
    QSignalSpy changed(&document, &WorkspaceDocument::workspaceChanged);
    document.open(m_path);
    // open() returns before the file is parsed: the GUI thread never waits on the disk.
    QVERIFY(document.isLoading());
    QVERIFY(document.workspace().isBuiltIn());
    QVERIFY(changed.wait(5000));
    QVERIFY(!document.isLoading());
    QCOMPARE(document.workspace().filePath, m_path);
    QCOMPARE(document.workspace().findHost(u"web-1")->address, u"10.0.0.1"_s);
}

void WorkspaceDocumentTest::brokenFileKeepsLastGoodWorkspaceAndIsNotWritten()
{
    WorkspaceDocument document;
    QSignalSpy changed(&document, &WorkspaceDocument::workspaceChanged);
    QSignalSpy failed(&document, &WorkspaceDocument::loadFailed);
    document.open(m_path);
    QVERIFY(changed.wait(5000));

    const QByteArray broken = "environments:\n  - name: prod\n    hosts:\n      - name: web-1\n"
                              "        port: abc\n";
    writeFile(m_path, broken);
    QVERIFY(failed.wait(5000));
    QCOMPARE(failed.size(), 1);
    QCOMPARE(changed.size(), 1); // no new workspace
    QVERIFY(document.isShowingStaleWorkspace());
    QCOMPARE(document.workspace().findHost(u"web-1")->address, u"10.0.0.1"_s);
    QCOMPARE(document.diagnostics().size(), 1);
    QCOMPARE(document.diagnostics()[0].line, 5);
    QCOMPARE(readFile(m_path), broken); // never overwritten
}

void WorkspaceDocumentTest::reloadsWhenFileChangesOnDisk()
{
    WorkspaceDocument document;
    QSignalSpy changed(&document, &WorkspaceDocument::workspaceChanged);
    document.open(m_path);
    QVERIFY(changed.wait(5000));
    writeFile(m_path, QByteArray(valid).replace("10.0.0.1", "10.0.0.99"));
    QVERIFY(changed.wait(5000));
    QCOMPARE(document.workspace().findHost(u"web-1")->address, u"10.0.0.99"_s);
}

void WorkspaceDocumentTest::followsFileReplacedByRename()
{
    WorkspaceDocument document;
    QSignalSpy changed(&document, &WorkspaceDocument::workspaceChanged);
    document.open(m_path);
    QVERIFY(changed.wait(5000));
    // What editors do on save: write a new file, rename it over the old one. Twice, to prove
    // the watch survives the first replacement.
    for (const QByteArray &address : {QByteArray("10.1.1.1"), QByteArray("10.2.2.2")}) {
        const QString temporary = m_directory->filePath(u".workspace.yaml.swp"_s);
        writeFile(temporary, QByteArray(valid).replace("10.0.0.1", address));
        QVERIFY(QFile::remove(m_path));
        QVERIFY(QFile::rename(temporary, m_path));
        QTRY_COMPARE_WITH_TIMEOUT(document.workspace().findHost(u"web-1")->address,
                                  QString::fromLatin1(address), 5000);
    }
}

void WorkspaceDocumentTest::editKeepsCommentsAndReloadsNothing()
{
    WorkspaceDocument document;
    QSignalSpy changed(&document, &WorkspaceDocument::workspaceChanged);
    document.open(m_path);
    QVERIFY(changed.wait(5000));
    const QString error = document.applyEdit([](const QByteArray &text) {
        return YamlTextEdit::setValue(text, {u"environments"_s, 0, u"hosts"_s, 0, u"address"_s},
                                      u"10.9.9.9"_s);
    });
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(changed.size(), 2);
    QCOMPARE(document.workspace().findHost(u"web-1")->address, u"10.9.9.9"_s);
    QCOMPARE(readFile(m_path), QByteArray(valid).replace("10.0.0.1", "10.9.9.9"));
    // The watcher sees our own write and reloads; it finds the same text and announces nothing.
    QSignalSpy loading(&document, &WorkspaceDocument::loadingChanged);
    QTRY_COMPARE_WITH_TIMEOUT(loading.size(), 2, 5000); // started, finished
    QCOMPARE(changed.size(), 2);
}

void WorkspaceDocumentTest::editRefusedWhenFileChangedOnDisk()
{
    WorkspaceDocument document;
    QSignalSpy changed(&document, &WorkspaceDocument::workspaceChanged);
    document.open(m_path);
    QVERIFY(changed.wait(5000));
    const QByteArray external = QByteArray(valid).replace("prod", "production");
    {
        // Block the watcher's signal so the document still holds the old text when editing.
        const QSignalBlocker blocker(&document);
        writeFile(m_path, external);
        const QString error = document.applyEdit([](const QByteArray &text) {
            return YamlTextEdit::setValue(text, {u"environments"_s, 0, u"hosts"_s, 0, u"address"_s},
                                          u"10.9.9.9"_s);
        });
        QCOMPARE(error, u"workspace.yaml changed on disk since it was loaded. It is being "
                        "reloaded; make the change again."_s);
    }
    QCOMPARE(readFile(m_path), external);
    QTRY_COMPARE_WITH_TIMEOUT(document.workspace().environments.at(0).name, u"production"_s, 5000);
}

void WorkspaceDocumentTest::editRefusedWhenResultIsInvalid()
{
    WorkspaceDocument document;
    QSignalSpy changed(&document, &WorkspaceDocument::workspaceChanged);
    document.open(m_path);
    QVERIFY(changed.wait(5000));
    const QString error = document.applyEdit([](const QByteArray &text) {
        return YamlTextEdit::setValue(text, {u"environments"_s, 0, u"hosts"_s, 0, u"port"_s},
                                      u"99999"_s);
    });
    QCOMPARE(error,
             u"The change would make the workspace invalid, so it was not saved: %1:7:15: "
             "error: 'port' must be a whole number from 1 to 65535, found '99999'"_s.arg(m_path));
    QCOMPARE(readFile(m_path), valid);
}

void WorkspaceDocumentTest::builtInCannotBeEdited()
{
    WorkspaceDocument document;
    const QString error = document.applyEdit([](const QByteArray &text) {
        return YamlTextEdit::Result{text, {}};
    });
    QVERIFY(!error.isEmpty());
}

void WorkspaceDocumentTest::useBuiltInDropsPendingLoad()
{
    WorkspaceDocument document;
    QSignalSpy changed(&document, &WorkspaceDocument::workspaceChanged);
    document.open(m_path);
    document.useBuiltIn(); // before the background load finished
    QCOMPARE(changed.size(), 1);
    // Let the stale load finish and deliver its result: it must be dropped.
    QThreadPool::globalInstance()->waitForDone();
    QCoreApplication::processEvents();
    QCOMPARE(changed.size(), 1);
    QVERIFY(document.workspace().isBuiltIn());
    QVERIFY(!document.isLoading());
}

QTEST_GUILESS_MAIN(WorkspaceDocumentTest)
#include "tst_workspacedocument.moc"
