// The wiping text buffer: every block it lets go of is zeroed first.
#include "kiosk/input/secret_text.h"

#include <sodium.h>

#include <algorithm>
#include <cstring>

namespace lantern::kiosk {

SecretText& SecretText::operator=(const SecretText& other) {
    if (this != &other) assign(other.view());
    return *this;
}

SecretText::SecretText(SecretText&& other) noexcept
    : data_(other.data_), size_(other.size_), capacity_(other.capacity_) {
    other.data_ = nullptr;
    other.size_ = other.capacity_ = 0;
}

SecretText& SecretText::operator=(SecretText&& other) noexcept {
    if (this != &other) {
        release();
        data_ = other.data_;
        size_ = other.size_;
        capacity_ = other.capacity_;
        other.data_ = nullptr;
        other.size_ = other.capacity_ = 0;
    }
    return *this;
}

SecretText::~SecretText() { release(); }

void SecretText::release() {
    if (data_) {
        sodium_memzero(data_, capacity_);
        delete[] data_;
    }
    data_ = nullptr;
    size_ = capacity_ = 0;
}

void SecretText::append(std::string_view text) {
    if (text.empty()) return;
    if (size_ + text.size() > capacity_) {
        // A new block, then the old one wiped before it is freed: growing leaves nothing behind.
        std::size_t capacity = std::max({capacity_ * 2, size_ + text.size(), std::size_t{64}});
        char* bigger = new char[capacity];
        if (size_ > 0) std::memcpy(bigger, data_, size_);
        std::size_t size = size_;
        release();
        data_ = bigger;
        size_ = size;
        capacity_ = capacity;
    }
    std::memcpy(data_ + size_, text.data(), text.size());
    size_ += text.size();
}

void SecretText::assign(std::string_view text) {
    clear();
    append(text);
}

void SecretText::pop_code_point() {
    if (size_ == 0) return;
    std::size_t i = size_ - 1;
    // Back over continuation bytes (10xxxxxx) to the lead byte, so "ŵ" goes in one press.
    while (i > 0 && (static_cast<unsigned char>(data_[i]) & 0xC0) == 0x80) --i;
    sodium_memzero(data_ + i, size_ - i);
    size_ = i;
}

void SecretText::clear() {
    if (data_) sodium_memzero(data_, capacity_);
    size_ = 0;
}

}  // namespace lantern::kiosk
