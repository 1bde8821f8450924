#include "cel/evaluation/fold.hpp"

#include <vector>

#include "cel/evaluation/evaluator.hpp"

namespace rollgate::cel::detail {

namespace {

class Folder {
 public:
  explicit Folder(const CheckResult& checked) : checked_(checked) {}

  // Post-order: records the ids of the constant subexpressions.
  bool mark(const Expr& e) {
    if (auto it = checked_.references.find(e.id); it != checked_.references.end())
      return it->second.kind == Reference::Kind::Constant;  // a leaf already
    bool constant = constant_here(e);
    if (e.target && !checked_.namespaced_calls.contains(e.id))
      constant = mark(*e.target) && constant;
    for (const ExprPtr& arg : e.args) constant = mark(*arg) && constant;
    for (const EntryExpr& entry : e.entries) {
      if (entry.key) constant = mark(*entry.key) && constant;
      if (entry.value) constant = mark(*entry.value) && constant;
    }
    if (const ComprehensionExpr* c = e.comprehension.get()) {
      // Never constant itself, but its parts may hold constants.
      mark(*c->iter_range);
      mark(*c->accu_init);
      mark(*c->loop_condition);
      mark(*c->loop_step);
      mark(*c->result);
    }
    if (constant) set_constant(e.id);
    return constant;
  }

  // Pre-order: folds the largest constant subexpressions that evaluate.
  void fold(Expr& e) {
    if (e.kind == ExprKind::Const) return;
    if (is_constant(e.id) && !checked_.references.contains(e.id) &&
        try_fold(e))
      return;
    if (e.target) fold(*e.target);
    for (ExprPtr& arg : e.args) fold(*arg);
    for (EntryExpr& entry : e.entries) {
      if (entry.key) fold(*entry.key);
      if (entry.value) fold(*entry.value);
    }
    if (ComprehensionExpr* c = e.comprehension.get()) {
      fold(*c->iter_range);
      fold(*c->accu_init);
      fold(*c->loop_condition);
      fold(*c->loop_step);
      fold(*c->result);
    }
  }

  size_t folded() const { return folded_; }

 private:
  // Whether the node itself (children aside) may be constant.
  bool constant_here(const Expr& e) const {
    switch (e.kind) {
      case ExprKind::Const:
      case ExprKind::Select:
      case ExprKind::Call:
      case ExprKind::List:
      case ExprKind::Map: return true;
      case ExprKind::Ident:  // an unresolved name: an error at run time
      case ExprKind::Struct:
      case ExprKind::Comprehension: return false;
    }
    return false;
  }

  bool try_fold(Expr& e) {
    Plan p = plan(e, checked_);
    Frame frame{{}, std::vector<Value>(p.local_count), 0};
    Value v = p.root->eval(frame);
    // A limit hit (at the defaults) leaves the expression to the evaluation,
    // under the limits it runs with.
    if (v.is_error() || v.is_unknown() || frame.stop != Stop::None) return false;
    e.kind = ExprKind::Const;
    e.literal.clear();  // read only by the parser (macros), never after folding
    e.constant = std::move(v);
    e.name.clear();
    e.target.reset();
    e.args.clear();
    e.entries.clear();
    e.optional_indices.clear();
    e.comprehension.reset();
    e.test_only = false;
    e.optional_select = false;
    e.height = 1;
    ++folded_;
    return true;
  }

  // Node ids are small and dense: a bit per id.
  void set_constant(int64_t id) {
    if (id < 0) return;
    if (size_t(id) >= constant_.size()) constant_.resize(size_t(id) + 1, false);
    constant_[size_t(id)] = true;
  }
  bool is_constant(int64_t id) const {
    return id >= 0 && size_t(id) < constant_.size() && constant_[size_t(id)];
  }

  const CheckResult& checked_;
  std::vector<bool> constant_;
  size_t folded_ = 0;
};

}  // namespace

size_t fold_constants(Expr& root, const CheckResult& checked) {
  Folder folder(checked);
  folder.mark(root);
  folder.fold(root);
  return folder.folded();
}

}  // namespace rollgate::cel::detail
