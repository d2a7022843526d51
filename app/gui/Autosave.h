#pragma once

#include <QObject>
#include <QString>
#include <QTimer>

namespace tributary {

class Document;

/**
 * Keeps a recovery copy of unsaved work: while the document has changes, writes it (atomically) to
 * a file in the recovery folder at an interval; removes the copy when the work is saved or
 * discarded. A copy left behind by a crash is found at the next start and may be restored.
 */
class Autosave : public QObject
{
    Q_OBJECT

public:
    /** folder empty: the application's data folder, sub-folder "recovery". */
    Autosave(Document* document, const QString& folder = {}, int intervalMs = 30000, QObject* parent = nullptr);
    ~Autosave() override;

    /** Writes the recovery copy now when there are unsaved changes; returns why it failed, or empty. */
    QString saveNow();
    /** Removes this session's recovery copy. */
    void discard();
    QString recoveryPath() const { return m_path; }
    void setInterval(int intervalMs) { m_timer.setInterval(intervalMs); }

    /** A recovery copy another session left behind in folder, or empty: the newest one. */
    static QString findLeftBehind(const QString& folder = {});
    /** Removes a recovery copy and the note of the file it was made from. */
    static void remove(const QString& recoveryPath);
    /** The file the copy was made from (empty for an untitled document). */
    static QString originalPathOf(const QString& recoveryPath);
    static QString defaultFolder();

private:
    Document* m_document;
    QString m_folder;
    QString m_path;
    QTimer m_timer;
};

} // namespace tributary
