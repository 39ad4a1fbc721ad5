// detail::thread_kept<T>(): the one T a thread keeps from case to case (the case's blocks, the
// builder's lists, the loader's working copy: capi/barnetslov.h, THREADS, states what a thread keeps).
#pragma once

namespace barnetslov::detail {

// The calling thread's T, made at its first use; null once it has been destroyed at the thread's
// end, so that a case or loader that ends after it (a static one, say) frees its memory as before
// instead of touching a destroyed object.
template <class T>
T* thread_kept() noexcept {
    // A bool without a destructor stays readable to the thread's very end.
    static thread_local bool gone = false;
    struct Holder {
        T value;
        ~Holder() { gone = true; }
    };
    if (gone) return nullptr;
    thread_local Holder holder;
    return &holder.value;
}

}  // namespace barnetslov::detail
