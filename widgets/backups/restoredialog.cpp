// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/backups/restoredialog.h"

#include "models/core/units.h"
#include "widgets/common/statuscolours.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace OpsDeck {

namespace {
QString escaped(const QString &text)
{
    return text.toHtmlEscaped();
}

// A refusal or failure: the bad colour with a sign, never colour alone.
QString problemHtml(const QString &text, const QPalette &palette)
{
    return u"<p style='color:%1'>⚠ %2</p>"_s.arg(StatusColours::bad(palette).name(),
                                                 text.toHtmlEscaped());
}
} // namespace

RestoreDialog::RestoreDialog(const BackupFile &file, const QList<RestoreTargetChoice> &targets,
                             int preferred, QWidget *parent)
    : QDialog(parent)
    , m_file(file)
    , m_choices(targets)
    , m_targets(new QComboBox(this))
    , m_facts(new QLabel(this))
    , m_sessions(new QTreeWidget(this))
    , m_restore(nullptr)
{
    setObjectName(u"restoreDialog"_s);
    setWindowTitle(tr("Restore %1").arg(file.name()));
    setWindowModality(Qt::WindowModal);
    resize(720, 520);

    auto *intro = new QLabel(
        tr("<b>A restore replaces the target database's contents with this backup.</b> Its "
           "other sessions are cut first; the restore runs as one transaction on %1, the host "
           "that holds the file.")
            .arg(escaped(file.host)),
        this);
    intro->setWordWrap(true);

    m_targets->setObjectName(u"restoreTarget"_s);
    m_targets->setAccessibleName(tr("Target database"));
    for (const RestoreTargetChoice &choice : targets)
        m_targets->addItem(tr("%1 / %2 (%3 on %4:%5)")
                               .arg(choice.host, choice.database.name, choice.database.database,
                                    choice.database.host)
                               .arg(choice.database.port));
    auto *form = new QFormLayout;
    form->addRow(tr("Backup:"), new QLabel(escaped(file.path), this));
    form->addRow(tr("Restore into:"), m_targets);

    m_facts->setObjectName(u"restorePreview"_s);
    m_facts->setTextFormat(Qt::RichText);
    m_facts->setWordWrap(true);
    m_facts->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_facts->setAlignment(Qt::AlignLeft | Qt::AlignTop);

    m_sessions->setObjectName(u"restoreSessions"_s);
    m_sessions->setAccessibleName(tr("Sessions the restore will cut"));
    m_sessions->setHeaderLabels(
        {tr("PID"), tr("User"), tr("Application"), tr("Client"), tr("State")});
    m_sessions->setRootIsDecorated(false);
    m_sessions->setUniformRowHeights(true);
    m_sessions->header()->setSectionResizeMode(QHeaderView::ResizeToContents);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_restore = buttons->addButton(tr("Restore…"), QDialogButtonBox::AcceptRole);
    m_restore->setObjectName(u"restoreButton"_s);
    m_restore->setEnabled(false);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_facts);
    layout->addWidget(new QLabel(tr("Sessions that will be cut:"), this));
    layout->addWidget(m_sessions, 1);
    layout->addWidget(buttons);

    if (preferred >= 0 && preferred < targets.size())
        m_targets->setCurrentIndex(preferred);
    connect(m_targets, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_preview.reset();
        Q_EMIT targetChosen(index);
    });
    if (targets.isEmpty())
        showError(tr("The workspace names no database to restore into."));
    else
        // Once the caller has connected to targetChosen.
        QTimer::singleShot(0, this, [this] { Q_EMIT targetChosen(m_targets->currentIndex()); });
}

int RestoreDialog::currentTarget() const
{
    return m_targets->currentIndex();
}

RestoreTargetChoice RestoreDialog::target() const
{
    return m_choices.value(currentTarget());
}

void RestoreDialog::showReading()
{
    m_preview.reset();
    m_restore->setEnabled(false);
    m_sessions->clear();
    m_facts->setText(tr("Reading what the restore would replace…"));
}

void RestoreDialog::showError(const QString &error)
{
    m_preview.reset();
    m_restore->setEnabled(false);
    m_sessions->clear();
    m_facts->setText(problemHtml(error, palette()));
}

void RestoreDialog::showPreview(const RestorePreview &preview)
{
    m_sessions->clear();
    if (!preview.error.isEmpty()) {
        showError(preview.error);
        return;
    }
    m_preview = preview;
    QStringList rows;
    const auto row = [&rows](const QString &name, const QString &value) {
        rows << u"<tr><td><b>%1</b></td><td>%2</td></tr>"_s.arg(name.toHtmlEscaped(), value);
    };
    row(tr("Will be replaced"),
        tr("database <b>%1</b>, %2")
            .arg(escaped(preview.database), preview.databaseSize >= 0
                                                ? formatBytes(preview.databaseSize)
                                                : tr("size unknown")));
    row(tr("Sessions cut"), QString::number(preview.sessions.size()));
    row(tr("Backup"),
        tr("%1, %2, %3")
            .arg(escaped(preview.file.name()), backupFormatName(preview.file.format),
                 preview.file.size >= 0 ? formatBytes(preview.file.size) : tr("size unknown")));
    if (preview.file.format == BackupFormat::PlainSql) {
        row(tr("psql on %1").arg(preview.host), escaped(preview.psqlVersion));
        if (preview.scanned) {
            const QStringList findings = describeFindings(preview.scan);
            row(tr("Safety scan"), findings.isEmpty()
                                       ? tr("no psql meta-commands beyond the known ones")
                                       : escaped(findings.join(u'\n')).replace(u'\n', u"<br>"_s));
        }
    }
    QString text = u"<table cellspacing='4'>%1</table>"_s.arg(rows.join(QString()));
    if (!preview.refusal.isEmpty())
        text += problemHtml(preview.refusal, palette());
    m_facts->setText(text);
    for (const RestoreSession &session : preview.sessions) {
        auto *item = new QTreeWidgetItem(m_sessions);
        item->setText(0, QString::number(session.pid));
        item->setText(1, session.user);
        item->setText(2, session.application);
        item->setText(3, session.client);
        item->setText(4, session.state);
    }
    m_restore->setEnabled(preview.mayRestore());
}

} // namespace OpsDeck
