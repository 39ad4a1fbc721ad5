// Deferred<T>: a T made on first need, as std::optional<T> is used for it, without optional's cost
// of starting empty. Private to the rules.
#pragma once

#include <memory>
#include <utility>

namespace barnetslov::rules_detail {

// The rules keep many helpers "built on first need" (the answers to a decision, a list of letters by
// person, the memo's shared lists), most of which a case never asks for. As std::optional<T>, each
// cost the zeroing of all of T's storage where it was declared: GCC 12's libstdc++ value-initialises
// the empty member of optional's storage union, which clears the whole union (a `rep stos` of
// sizeof(T); 300-500 bytes for several of them) in every rule call, needed or not (issue 20,
// session 31). Here only the flag is set. No copy or move: each is used where it was declared.
template <class T>
class Deferred {
public:
    Deferred() noexcept {}
    ~Deferred() {
        if (made_) std::destroy_at(&value_);
    }
    Deferred(const Deferred&) = delete;
    Deferred& operator=(const Deferred&) = delete;

    // Makes the T (destroying one made before) and returns it.
    template <class... Args>
    T& emplace(Args&&... args) {
        if (made_) {
            made_ = false;
            std::destroy_at(&value_);
        }
        std::construct_at(&value_, std::forward<Args>(args)...);
        made_ = true;
        return value_;
    }
    // The T, made from `args` the first time.
    template <class... Args>
    T& get_or_make(Args&&... args) {
        return made_ ? value_ : emplace(std::forward<Args>(args)...);
    }
    [[nodiscard]] bool has_value() const noexcept { return made_; }
    explicit operator bool() const noexcept { return made_; }
    // Only once made.
    [[nodiscard]] T& operator*() noexcept { return value_; }
    [[nodiscard]] const T& operator*() const noexcept { return value_; }
    [[nodiscard]] T* operator->() noexcept { return &value_; }
    [[nodiscard]] const T* operator->() const noexcept { return &value_; }

private:
    union {
        T value_;  // alive while made_
    };
    bool made_ = false;
};

}  // namespace barnetslov::rules_detail
