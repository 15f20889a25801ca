// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/dashboard/morningcheckdialog.h"

#include "models/core/filewriter.h"
#include "models/health/checkbatch.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTextBrowser>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace OpsDeck {

MorningCheckDialog::MorningCheckDialog(CheckExecutor *executor, const Workspace &workspace,
                                       const QString &environment, QWidget *parent)
    : QDialog(parent)
    , m_batch(new CheckBatch(executor, this))
    , m_workspaceName(workspace.name)
    , m_environment(environment)
    , m_plan(planChecks(workspace, {environment, {}}))
    , m_status(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_preview(new QTextBrowser(this))
{
    setWindowTitle(environment.isEmpty() ? tr("Morning Check")
                                         : tr("Morning Check: %1").arg(environment));
    setAttribute(Qt::WA_DeleteOnClose);
    resize(820, 640);
    m_status->setWordWrap(true);
    m_preview->setOpenExternalLinks(false);
    m_preview->setPlaceholderText(tr("The report appears here when every check has answered."));

    auto *buttons = new QDialogButtonBox(this);
    m_cancel = buttons->addButton(tr("Cancel Checks"), QDialogButtonBox::RejectRole);
    m_saveMarkdown = buttons->addButton(tr("Save as Markdown…"), QDialogButtonBox::ActionRole);
    m_saveHtml = buttons->addButton(tr("Save as HTML…"), QDialogButtonBox::ActionRole);
    m_copy = buttons->addButton(tr("Copy Markdown"), QDialogButtonBox::ActionRole);
    QPushButton *close = buttons->addButton(QDialogButtonBox::Close);
    for (QPushButton *button : {m_saveMarkdown, m_saveHtml, m_copy})
        button->setEnabled(false);
    // Cancel only stops the checks; Close closes (and stops whatever still runs).
    disconnect(buttons, &QDialogButtonBox::rejected, this, nullptr);
    connect(m_cancel, &QPushButton::clicked, m_batch, &CheckBatch::cancel);
    connect(close, &QPushButton::clicked, this, &QDialog::close);
    connect(m_saveMarkdown, &QPushButton::clicked, this, [this] { chooseFileAndSave(false); });
    connect(m_saveHtml, &QPushButton::clicked, this, [this] { chooseFileAndSave(true); });
    connect(m_copy, &QPushButton::clicked, this,
            [this] { QApplication::clipboard()->setText(checkReportMarkdown(m_report)); });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_status);
    layout->addWidget(m_progress);
    layout->addWidget(m_preview, 1);
    layout->addWidget(buttons);

    connect(m_batch, &CheckBatch::progress, this, &MorningCheckDialog::onProgress);
    connect(m_batch, &CheckBatch::finished, this, &MorningCheckDialog::onFinished);
}

MorningCheckDialog::~MorningCheckDialog() = default;

void MorningCheckDialog::start()
{
    m_status->setText(tr("Running %n check(s)…", nullptr, int(m_plan.size())));
    m_progress->setRange(0, qMax(1, int(m_plan.size())));
    m_progress->setValue(0);
    m_cancel->setEnabled(true);
    m_batch->start(m_plan);
}

bool MorningCheckDialog::isRunning() const
{
    return m_batch->isRunning();
}

void MorningCheckDialog::onProgress(int done, int total)
{
    m_progress->setRange(0, qMax(1, total));
    m_progress->setValue(done);
    m_status->setText(tr("%1 of %2 checks answered…").arg(done).arg(total));
}

void MorningCheckDialog::onFinished()
{
    m_report.workspace = m_workspaceName;
    m_report.environment = m_environment;
    m_report.startedAt = m_batch->startedAt();
    m_report.finishedAt = m_batch->finishedAt();
    m_report.plan = m_batch->plan(); // with the dependency rows the answers reported
    m_report.results = m_batch->results();
    m_progress->setValue(m_progress->maximum());
    m_cancel->setEnabled(false);
    for (QPushButton *button : {m_saveMarkdown, m_saveHtml, m_copy})
        button->setEnabled(true);
    m_status->setText(
        tr("Done in %1 s: %2.")
            .arg(QString::number(m_report.startedAt.msecsTo(m_report.finishedAt) / 1000.0, 'f', 1),
                 verdictName(m_report.overall())));
    m_preview->setMarkdown(checkReportMarkdown(m_report));
    Q_EMIT finished();
}

void MorningCheckDialog::chooseFileAndSave(bool html)
{
    const QString name = u"morning-check-%1%2"_s.arg(
        m_report.startedAt.toUTC().toString(u"yyyy-MM-dd"_s), html ? u".html"_s : u".md"_s);
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Save the Morning Check"), QDir::home().filePath(name),
        html ? tr("HTML (*.html)") : tr("Markdown (*.md)"));
    if (!path.isEmpty())
        saveTo(path);
}

void MorningCheckDialog::saveTo(const QString &path)
{
    const bool html = path.endsWith(u".html"_s, Qt::CaseInsensitive) ||
                      path.endsWith(u".htm"_s, Qt::CaseInsensitive);
    m_status->setText(tr("Saving %1…").arg(QDir::toNativeSeparators(path)));
    FileWriter::saveInBackground(
        path,
        [html, report = m_report] {
            return (html ? checkReportHtml(report) : checkReportMarkdown(report)).toUtf8();
        },
        this,
        [this](const FileWriteResult &result) {
            const QString shown = QDir::toNativeSeparators(result.path);
            m_status->setText(
                result.ok() ? tr("Saved to %1.").arg(shown)
                            : tr("Cannot save the report to %1: %2").arg(shown, result.reason));
            Q_EMIT saved(result.path, result.ok(), result.reason);
        });
}

} // namespace OpsDeck
