// Text a visitor types (form answers, a search, a staff PIN or notice): one buffer that wipes itself.
#pragma once

#include <cstddef>
#include <string_view>
#include <type_traits>

namespace lantern::kiosk {

// Never leaves a copy behind: it grows by copying into a bigger block and wiping the old one (sodium_memzero),
// and it wipes its block when cleared, assigned over, moved from or destroyed. Its text is only lent out as a
// string_view, so whoever needs a copy has to make one on purpose. Copies of a SecretText (a view model
// showing an answer) are SecretTexts too, and wipe themselves the same way.
class SecretText {
   public:
    SecretText() = default;
    // Text goes in freely (a copy in is a copy it will wipe); only a string_view comes out.
    template <class Text>
    requires std::is_convertible_v<const Text&, std::string_view> SecretText(
        const Text& text) {  // NOLINT(google-explicit-constructor)
        append(std::string_view(text));
    }
    template <class Text>
    requires std::is_convertible_v<const Text&, std::string_view> SecretText& operator=(const Text& text) {
        assign(std::string_view(text));
        return *this;
    }
    SecretText(const SecretText& other) : SecretText(other.view()) {}
    SecretText& operator=(const SecretText& other);
    SecretText(SecretText&& other) noexcept;
    SecretText& operator=(SecretText&& other) noexcept;
    ~SecretText();

    std::string_view view() const { return {data_, size_}; }
    bool empty() const { return size_ == 0; }
    std::size_t size() const { return size_; }

    void append(std::string_view text);
    void append(char c) { append(std::string_view(&c, 1)); }
    void assign(std::string_view text);
    // Takes off the last code point (not just its last byte), wiping its bytes.
    void pop_code_point();
    // Wipes the text; the block stays for the next text.
    void clear();

    friend bool operator==(const SecretText& a, std::string_view b) { return a.view() == b; }

   private:
    void release();

    char* data_ = nullptr;
    std::size_t size_ = 0;
    std::size_t capacity_ = 0;
};

}  // namespace lantern::kiosk
