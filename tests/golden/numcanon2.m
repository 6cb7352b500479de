numcanon2 ; detecting canonical numbers with x=+x
 for x="12","012","1.50","1.5",".5","0.5","-.5","-0","0","1E3","1000","abc","","+1","-1","1.","  1","-0.0","00","9999999999999999999" do
 . write "[",x,"] canonic=",x=+x,!
 quit
