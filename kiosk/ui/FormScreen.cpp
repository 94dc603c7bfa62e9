#include "kiosk/ui/FormScreen.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QVBoxLayout>

#include "kiosk/core/FilledForm.h"

namespace cccd::kiosk::ui {

namespace {

// Up to this many candidates are large touch buttons; more (an origin naming only a district)
// go in a list to choose from.
constexpr std::size_t MaxCandidateButtons = 6;

const CurrentAddress* conversionFor(const SessionData& session, const FormField& field) {
    for (const CurrentAddress& address : session.addresses) {
        if (address.currentFieldId == field.id) {
            return &address;
        }
    }
    return nullptr;
}

} // namespace

FormScreen::FormScreen(KioskContext& context, QWidget* parent)
    : Screen(context, parent), m_title(new QLabel(this)), m_scroll(new QScrollArea(this)),
      m_summary(new QLabel(this)), m_back(new QPushButton(this)), m_next(new QPushButton(this)) {
    setObjectName("form");
    m_title->setProperty("role", "headline");
    m_title->setWordWrap(true);
    m_scroll->setWidgetResizable(true);
    m_summary->setProperty("role", "problem");
    m_back->setObjectName("formBack");
    m_next->setObjectName("formNext");
    m_next->setProperty("role", "primary");
    connect(m_back, &QPushButton::clicked, this, [this] { m_context.workflow.back(); });
    connect(m_next, &QPushButton::clicked, this, [this] { m_context.workflow.proceed(); });
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_back);
    buttons->addWidget(m_summary, 1);
    buttons->addWidget(m_next);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_scroll, 1);
    layout->addLayout(buttons);
    retranslate();
}

void FormScreen::retranslate() {
    m_back->setText(tr("◀ Chọn thủ tục khác"));
    m_next->setText(tr("Xuất biểu mẫu ▶"));
    m_builtFor = nullptr;
    refresh();
}

void FormScreen::refresh() {
    const SessionData& session = m_context.workflow.session();
    if (m_context.workflow.step() != WorkflowStep::FillingForm || !session.form) {
        return;
    }
    if (session.form.get() != m_builtFor || m_builtIn != m_context.language) {
        build(*session.form);
    }
    showProblems();
}

void FormScreen::build(const FilledForm& form) {
    clear();
    m_builtFor = &form;
    m_builtIn = m_context.language;
    Language language = m_context.language;
    const FormDefinition& definition = form.definition();
    m_title->setText(qstr(definition.code + " — " + definition.title.in(language)));
    auto* page = new QWidget;
    auto* pageLayout = new QVBoxLayout(page);
    for (const FormSection& section : definition.sections) {
        auto* box = new QGroupBox(qstr(section.title.in(language)), page);
        auto* rows = new QFormLayout(box);
        rows->setRowWrapPolicy(QFormLayout::WrapLongRows);
        for (const FormField& field : section.fields) {
            QString label = qstr(field.label.in(language));
            if (field.required) {
                label += " *";
            }
            QString value = qstr(form.value(field.id));
            QString name = "field_" + qstr(field.id);
            if (field.fromChip()) {
                auto* edit = new QLineEdit(value, box);
                edit->setObjectName(name);
                edit->setReadOnly(true);
                edit->setProperty("role", "chip");
                edit->setToolTip(tr("Lấy từ chip, không sửa được"));
                rows->addRow(label + " " + tr("(từ chip)"), edit);
                continue;
            }
            std::string id = field.id;
            QWidget* input = nullptr;
            if (field.holdsCurrentAddress()) {
                input = currentAddressInput(field, form, box);
            } else if (field.type == FieldType::Choice) {
                auto* combo = new QComboBox(box);
                combo->addItem(QString());
                for (const std::string& option : field.options) {
                    combo->addItem(qstr(option));
                }
                combo->setCurrentText(value);
                connect(combo, &QComboBox::currentTextChanged, this,
                        [this, id](const QString& text) { edited(id, text); });
                input = combo;
            } else if (field.type == FieldType::Check) {
                auto* check = new QCheckBox(box);
                check->setChecked(value == "yes");
                connect(check, &QCheckBox::toggled, this, [this, id](bool on) {
                    edited(id, on ? QStringLiteral("yes") : QStringLiteral("no"));
                });
                input = check;
            } else {
                auto* edit = new QLineEdit(value, box);
                edit->setPlaceholderText(qstr(field.hint.in(language)));
                connect(edit, &QLineEdit::textEdited, this,
                        [this, id](const QString& text) { edited(id, text); });
                input = edit;
            }
            if (!field.holdsCurrentAddress()) {
                input->setObjectName(name);
            }
            auto* problem = new QLabel(box);
            problem->setProperty("role", "problem");
            m_problems[id] = problem;
            auto* cell = new QWidget(box);
            auto* cellLayout = new QVBoxLayout(cell);
            cellLayout->setContentsMargins(0, 0, 0, 0);
            cellLayout->addWidget(input);
            cellLayout->addWidget(problem);
            rows->addRow(label, cell);
        }
        pageLayout->addWidget(box);
    }
    pageLayout->addStretch();
    m_scroll->setWidget(page);
}

QString FormScreen::conversionNote(const CurrentAddress* address) const {
    if (address == nullptr) {
        return tr("Chưa có bảng đơn vị hành chính mới: hãy nhập địa chỉ hiện nay.");
    }
    switch (address->status) {
    case address::ConversionStatus::Converted:
    case address::ConversionStatus::AlreadyCurrent:
        return tr("Đã đổi sang đơn vị hành chính hiện nay; sửa nếu cần.");
    case address::ConversionStatus::SplitCommune:
        return tr("Xã/phường cũ đã được chia: hỏi người dân rồi chọn một địa chỉ.");
    case address::ConversionStatus::Ambiguous:
        return tr("Địa chỉ trên thẻ có thể hiểu theo nhiều cách: chọn một địa chỉ.");
    case address::ConversionStatus::CommuneNotGiven:
        return tr("Thẻ không ghi xã/phường: đã điền tỉnh mới; chọn xã/phường nếu biết.");
    case address::ConversionStatus::NotFound:
        return tr("Không tìm thấy địa chỉ này trong bảng đơn vị hành chính: hãy nhập địa chỉ "
                  "hiện nay.");
    }
    return {};
}

// The current form of a chip address: a note saying how it was found, the candidates to pick
// (buttons, or a list when there are many) and the address itself, typed only when the clerk
// need not pick.
QWidget* FormScreen::currentAddressInput(const FormField& field, const FilledForm& form,
                                         QWidget* parent) {
    const CurrentAddress* address = conversionFor(m_context.workflow.session(), field);
    std::string id = field.id;
    QString value = qstr(form.value(id));
    auto* cell = new QWidget(parent);
    auto* layout = new QVBoxLayout(cell);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* note = new QLabel(conversionNote(address), cell);
    note->setObjectName(qstr("note_" + id));
    note->setProperty("role", "note");
    note->setWordWrap(true);
    layout->addWidget(note);

    auto* edit = new QLineEdit(value, cell);
    edit->setObjectName(qstr("field_" + id));
    bool mustPick = address != nullptr && address->mustPick();
    edit->setReadOnly(mustPick);
    if (mustPick) {
        edit->setProperty("role", "picked");
        edit->setPlaceholderText(tr("Chọn một địa chỉ ở trên"));
    } else {
        edit->setPlaceholderText(qstr(field.hint.in(m_context.language)));
    }
    connect(edit, &QLineEdit::textEdited, this,
            [this, id](const QString& text) { edited(id, text); });

    static const std::vector<std::string> none;
    const std::vector<std::string>& candidates = address ? address->candidates : none;
    auto pick = [this, id, edit](const QString& text) {
        edit->setText(text);
        edited(id, text);
    };
    if (!candidates.empty() && candidates.size() <= MaxCandidateButtons) {
        auto* group = new QButtonGroup(cell);
        for (std::size_t i = 0; i < candidates.size(); ++i) {
            QString text = qstr(candidates[i]);
            auto* button = new QPushButton(text, cell);
            button->setObjectName(qstr("choice_" + id + "_" + std::to_string(i)));
            button->setProperty("role", "choice");
            button->setCheckable(true);
            button->setChecked(text == value);
            group->addButton(button);
            connect(button, &QPushButton::clicked, this, [pick, text] { pick(text); });
            layout->addWidget(button);
        }
    } else if (!candidates.empty()) {
        auto* combo = new QComboBox(cell);
        combo->setObjectName(qstr("choices_" + id));
        combo->addItem(QString());
        for (const std::string& candidate : candidates) {
            combo->addItem(qstr(candidate));
        }
        combo->setCurrentText(value);
        connect(combo, &QComboBox::textActivated, this, pick);
        layout->addWidget(combo);
    }
    layout->addWidget(edit);
    return cell;
}

void FormScreen::edited(const std::string& fieldId, const QString& value) {
    m_context.workflow.setField(fieldId, value.toStdString());
}

void FormScreen::showProblems() {
    const FilledForm& form = *m_context.workflow.session().form;
    for (auto& [id, label] : m_problems) {
        label->clear();
    }
    std::vector<FieldProblem> problems = form.problems();
    for (const FieldProblem& problem : problems) {
        auto found = m_problems.find(problem.fieldId);
        bool touched = !form.value(problem.fieldId).empty();
        if (found != m_problems.end() && (touched || problem.kind != FieldProblemKind::Required)) {
            found->second->setText(qstr(problemText(problem.kind).in(m_context.language)));
        }
    }
    m_next->setEnabled(problems.empty());
    m_summary->setText(problems.empty() ? QString()
                                        : tr("Còn %n trường cần điền hoặc sửa.", nullptr,
                                             static_cast<int>(problems.size())));
}

void FormScreen::clear() {
    m_problems.clear();
    m_builtFor = nullptr;
    delete m_scroll->takeWidget();
    m_title->clear();
    m_summary->clear();
}

} // namespace cccd::kiosk::ui
