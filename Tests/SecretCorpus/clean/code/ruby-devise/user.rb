class User < ApplicationRecord
  devise :database_authenticatable, :recoverable, :rememberable, :validatable, :lockable

  validates :password, length: { minimum: 12 }, if: :password_required?
  has_secure_token :api_token

  def regenerate_api_token!
    regenerate_api_token
    save!
  end
end
