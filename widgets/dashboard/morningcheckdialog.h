// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/health/checkplan.h"
#include "models/health/checkreport.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QTextBrowser;

namespace OpsDeck {

class CheckBatch;
class CheckExecutor;

// The morning check: every check of one environment (or all) run once, side by side, with
// progress and cancel; then the report (what was checked, values, thresholds, verdicts) shown
// and saved as Markdown or HTML. Not modal: the window stays usable while it runs.
class MorningCheckDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MorningCheckDialog)

public:
    MorningCheckDialog(CheckExecutor *executor, const Workspace &workspace,
                       const QString &environment, QWidget *parent = nullptr);
    ~MorningCheckDialog() override;

    void start();
    bool isRunning() const;
    const CheckReport &report() const { return m_report; }
    // For tests: where the report is shown.
    QTextBrowser *preview() const { return m_preview; }
    // Saves the report (Markdown, or HTML for a .html path) in the background; saved() follows.
    void saveTo(const QString &path);

Q_SIGNALS:
    void finished();
    void saved(const QString &path, bool ok, const QString &error);

private:
    void onProgress(int done, int total);
    void onFinished();
    void chooseFileAndSave(bool html);

    CheckBatch *m_batch;
    QString m_workspaceName;
    QString m_environment;
    QList<CheckSpec> m_plan;
    CheckReport m_report;
    QLabel *m_status;
    QProgressBar *m_progress;
    QTextBrowser *m_preview;
    QPushButton *m_cancel;
    QPushButton *m_saveMarkdown;
    QPushButton *m_saveHtml;
    QPushButton *m_copy;
};

} // namespace OpsDeck
