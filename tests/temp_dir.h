// A temporary folder for one test, removed when the test ends; write_file creates parents.
#pragma once

#include <filesystem>
#include <fstream>
#include <random>
#include <string>

namespace lantern::test {

class TempDir {
   public:
    TempDir() {
        std::random_device rd;
        path_ =
            std::filesystem::temp_directory_path() / ("lantern-test-" + std::to_string(rd()) + std::to_string(rd()));
        std::filesystem::create_directories(path_);
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    const std::filesystem::path& path() const { return path_; }
    std::filesystem::path operator/(const std::string& rel) const { return path_ / rel; }

    std::filesystem::path write_file(const std::string& rel, const std::string& text) const {
        auto p = path_ / rel;
        std::filesystem::create_directories(p.parent_path());
        std::ofstream(p, std::ios::binary) << text;
        return p;
    }

   private:
    std::filesystem::path path_;
};

}  // namespace lantern::test
