// SPDX-License-Identifier: GPL-3.0-or-later
// The window against a real sshd: the host-key dialog, then a command on the host; and the
// question before a keychain secret goes to another address than it was stored for.
#include "app/desktop.h"
#include "models/remote/commandsessionmodel.h"
#include "models/remote/hostregistry.h"
#include "models/secrets/credentialstore.h"
#include "models/workspace/workspacedocument.h"
#include "models/workspace/workspacemodel.h"
#include "screenshots.h"
#include "sshfixture.h"
#include "widgets/remote/credentialdialog.h"
#include "widgets/remote/hostkeydialog.h"
#include "widgets/remote/runcommandpage.h"
#include "widgets/remote/secretaddressdialog.h"
#include "widgets/shell/mainwindow.h"

#include <QApplication>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>

using namespace OpsDeck;
using namespace Qt::StringLiterals;

class RemoteConsoleTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void unknownHostKeyIsShownThenTheCommandRuns();
    void passwordIsAskedForAndWrittenNowhere();
    void hostKeyDialogNamesTheAliasItIsStoredUnder();
    void secretGoesElsewhereOnlyAfterAskingOnce();

private:
    std::unique_ptr<SshFixture> m_sshd;
};

void RemoteConsoleTest::initTestCase()
{
    QCoreApplication::setOrganizationName(u"OpsDeck"_s);
    QCoreApplication::setApplicationName(u"opsdeck"_s);
    QSettings().clear();
    m_sshd = std::make_unique<SshFixture>();
    QVERIFY2(m_sshd->isRunning(), qPrintable(m_sshd->error()));
}

void RemoteConsoleTest::unknownHostKeyIsShownThenTheCommandRuns()
{
    const QString workspace = m_sshd->directory() + u"/workspace.yaml"_s;
    QFile file(workspace);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(u"environments:\n  - name: lab\n    hosts:\n      - name: fixture\n"
               "        address: 127.0.0.1\n        port: %1\n        user: %2\n"
               "        auth: key\n        key: %3\n"_s.arg(m_sshd->port())
                   .arg(m_sshd->value(u"USER"_s), m_sshd->value(u"KEY"_s))
                   .toUtf8());
    file.close();

    Desktop desktop({workspace, false});
    MainWindow &window = desktop.window();
    window.resize(1180, 740);
    window.show();
    // A known_hosts that knows nothing: the key must be asked about.
    window.hostRegistry()->setKnownHostsFiles({m_sshd->directory() + u"/console_known_hosts"_s});
    QTRY_VERIFY_WITH_TIMEOUT(!window.document()->workspace().isBuiltIn(), 5000);

    RunCommandPage *page = window.runCommandPage();
    window.showPage(u"console"_s);
    page->checkOnly(u"fixture"_s);
    page->commandInput()->setText(u"echo hello from $(hostname)"_s);
    page->run();

    HostKeyDialog *dialog = nullptr;
    QTRY_VERIFY2_WITH_TIMEOUT((dialog = window.findChild<HostKeyDialog *>()) != nullptr,
                              qPrintable(page->session()->rowAt(0).result.summary()), 10000);
    QTRY_VERIFY(dialog->isVisible());
    const QString text = dialog->findChild<QLabel *>()->text();
    QVERIFY2(text.contains(m_sshd->value(u"HOST_KEY_ED25519_FP"_s)), qPrintable(text));
    QVERIFY(text.contains(u"ssh-ed25519"));
    // Not only the name: the address and port the key was presented by.
    QVERIFY2(text.contains(u"Address: <b>127.0.0.1</b> port <b>%1</b>"_s.arg(m_sshd->port())),
             qPrintable(text));
    QVERIFY2(text.contains(m_sshd->directory() + u"/console_known_hosts"_s), qPrintable(text));
    QCoreApplication::processEvents();
    QVERIFY(
        dialog->grab().save(QStringLiteral(OPSDECK_BINARY_DIR "/screenshots/host-key-dialog.png")));
    for (QPushButton *button : dialog->findChildren<QPushButton *>()) {
        if (button->text().remove(u'&') == u"Accept Once")
            button->click();
    }

    QTRY_VERIFY_WITH_TIMEOUT(!page->session()->isRunning(), 15000);
    QVERIFY2(page->session()->rowAt(0).result.succeeded(),
             qPrintable(page->session()->rowAt(0).result.summary()));
    QVERIFY(page->outputView()->toPlainText().startsWith(u"hello from "));
    // The tree's dot and the status bar follow the connection.
    QCOMPARE(window.hostRegistry()->state(u"fixture"_s), ConnectionState::Ready);
    auto *connections = window.findChild<QLabel *>(u"connectionsStatus"_s);
    QTRY_COMPARE(connections->text(), u"Hosts: 1 connected"_s);
    QCoreApplication::processEvents();
    QVERIFY(
        window.grab().save(QStringLiteral(OPSDECK_BINARY_DIR "/screenshots/run-command-ssh.png")));
}

void RemoteConsoleTest::passwordIsAskedForAndWrittenNowhere()
{
    const QString password = m_sshd->value(u"PASSWORD"_s);
    const QString workspace = m_sshd->directory() + u"/password-workspace.yaml"_s;
    QFile file(workspace);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(u"environments:\n  - name: lab\n    hosts:\n      - name: by-password\n"
               "        address: 127.0.0.1\n        port: %1\n        user: %2\n"
               "        auth: password\n"_s.arg(m_sshd->port())
                   .arg(m_sshd->value(u"USER"_s))
                   .toUtf8());
    file.close();
    {
        Desktop desktop({workspace, false});
        MainWindow &window = desktop.window();
        window.show();
        window.hostRegistry()->setKnownHostsFiles({m_sshd->value(u"KNOWN_HOSTS"_s)});
        QTRY_VERIFY_WITH_TIMEOUT(!window.document()->workspace().isBuiltIn(), 5000);
        RunCommandPage *page = window.runCommandPage();
        page->checkOnly(u"by-password"_s);
        page->commandInput()->setText(u"id -un"_s);
        page->run();

        CredentialDialog *dialog = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((dialog = window.findChild<CredentialDialog *>()) != nullptr,
                                 10000);
        QTRY_VERIFY(dialog->isVisible());
        QVERIFY(page->session()->isRunning()); // the command waits for the answer
        QTest::keyClicks(dialog->input(), password);
        dialog->findChild<QCheckBox *>()->setChecked(true);
        QCoreApplication::processEvents();
        QVERIFY(dialog->grab().save(
            QStringLiteral(OPSDECK_BINARY_DIR "/screenshots/password-dialog.png")));
        dialog->accept();

        QTRY_VERIFY_WITH_TIMEOUT(!page->session()->isRunning(), 15000);
        QVERIFY2(page->session()->rowAt(0).result.succeeded(),
                 qPrintable(page->session()->rowAt(0).result.summary()));
        QCOMPARE(page->outputView()->toPlainText(), m_sshd->value(u"USER"_s) + u'\n');
    }
    // Every file OpsDeck writes (settings, state store, caches, the workspace): no password.
    const QByteArray secret = password.toUtf8();
    QStringList scanned;
    // Where OpsDeck writes: its settings, its data (state store, known_hosts) and its cache.
    QStringList roots = {QFileInfo(QSettings().fileName()).absolutePath(),
                         QStandardPaths::writableLocation(QStandardPaths::AppDataLocation),
                         QStandardPaths::writableLocation(QStandardPaths::CacheLocation)};
    // The whole home only when it is this test's own (CTest gives each test one), not a
    // developer's real home full of unrelated files.
    if (qEnvironmentVariable("HOME").startsWith(QStringLiteral(OPSDECK_BINARY_DIR)))
        roots.append(qEnvironmentVariable("HOME"));
    for (const QString &root : roots) {
        QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile candidate(it.next());
            QVERIFY2(candidate.open(QIODevice::ReadOnly), qPrintable(candidate.fileName()));
            QVERIFY2(!candidate.readAll().contains(secret), qPrintable(candidate.fileName()));
            scanned.append(candidate.fileName());
        }
    }
    QFile written(workspace);
    QVERIFY(written.open(QIODevice::ReadOnly));
    QVERIFY(!written.readAll().contains(secret));
    // The scan saw what OpsDeck wrote: its settings and its state database.
    QVERIFY2(
        std::ranges::any_of(scanned, [](const QString &f) { return f.endsWith(u"opsdeck.conf"); }),
        qPrintable(scanned.join(u'\n')));
    QVERIFY(
        std::ranges::any_of(scanned, [](const QString &f) { return f.endsWith(u"state.sqlite"); }));
}

void RemoteConsoleTest::hostKeyDialogNamesTheAliasItIsStoredUnder()
{
    HostKeyQuestion question;
    question.hostName = u"db-1"_s;
    question.address = u"10.0.0.21"_s;
    question.port = 2222;
    question.keyAlias = u"db-cluster"_s;
    question.keyType = u"ssh-ed25519"_s;
    question.fingerprint = u"SHA256:abc"_s;
    question.rememberFile = u"/home/u/.local/share/OpsDeck/opsdeck/known_hosts"_s;
    HostKeyDialog dialog(question);
    const QString text = dialog.findChild<QLabel *>(u"hostKeyText"_s)->text();
    QVERIFY2(text.contains(u"<b>db-1</b>"_s), qPrintable(text));
    QVERIFY2(text.contains(u"Address: <b>10.0.0.21</b> port <b>2222</b>"_s), qPrintable(text));
    QVERIFY2(text.contains(u"HostKeyAlias): <b>db-cluster</b>"_s), qPrintable(text));
    QVERIFY2(text.contains(question.rememberFile), qPrintable(text));
    QCOMPARE(dialog.answer(), SshExecutor::HostKeyAnswer::Reject);
}

void RemoteConsoleTest::secretGoesElsewhereOnlyAfterAskingOnce()
{
    Desktop desktop({QString(), false});
    MainWindow &window = desktop.window();
    window.show();
    CredentialStore *credentials = desktop.services().credentials();
    QSignalSpy written(credentials, &CredentialStore::written);
    QSignalSpy read(credentials, &CredentialStore::readFinished);
    QSignalSpy failed(credentials, &CredentialStore::failed);
    credentials->write(u"gui/secret"_s, u"s3cret"_s, u"db1.example.com:5432"_s);
    QVERIFY(written.wait(20000));

    // The window asks, Cancel first; a yes sends it.
    const quint64 first = credentials->readFor(u"gui/secret"_s, u"db2.example.com:5432"_s);
    SecretAddressDialog *dialog = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((dialog = window.findChild<SecretAddressDialog *>()) != nullptr,
                             10000);
    QTRY_VERIFY(dialog->isVisible());
    const QString text = dialog->findChild<QLabel *>(u"secretAddressText"_s)->text();
    QVERIFY2(text.contains(u"keychain:gui/secret"_s) && text.contains(u"db1.example.com:5432"_s) &&
                 text.contains(u"db2.example.com:5432"_s),
             qPrintable(text));
    QVERIFY(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Cancel)->isDefault());
    QVERIFY(!dialog->sendButton()->isDefault());
    QCoreApplication::processEvents();
    saveScreenshot(*dialog, u"secret-address-dialog"_s);
    dialog->sendButton()->click();
    QTRY_COMPARE_WITH_TIMEOUT(read.size(), 1, 10000);
    QCOMPARE(read.at(0).at(0).toULongLong(), first);
    QCOMPARE(read.at(0).at(3).toString(), u"s3cret"_s);

    // Remembered: no second question for that address.
    credentials->readFor(u"gui/secret"_s, u"db2.example.com:5432"_s);
    QTRY_COMPARE_WITH_TIMEOUT(read.size(), 2, 10000);
    QVERIFY(!window.findChild<SecretAddressDialog *>());

    // Another address, and the user cancels: refused.
    const quint64 third = credentials->readFor(u"gui/secret"_s, u"evil.example.net:5432"_s);
    QTRY_VERIFY_WITH_TIMEOUT((dialog = window.findChild<SecretAddressDialog *>()) != nullptr,
                             10000);
    dialog->reject();
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 10000);
    QCOMPARE(failed.at(0).at(0).toULongLong(), third);
    QCOMPARE(read.size(), 2);
}

QTEST_MAIN(RemoteConsoleTest)
#include "tst_remoteconsole.moc"
