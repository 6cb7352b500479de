xxbyref1 ; call by reference: .x changes the caller's variable
 set a=1
 do inc(.a)
 write "a=",a,!
 do inc(.a),inc(.a)
 write "a=",a,!
 write "ext: ",$$incf(.a)," a=",a,!
 kill u
 do def(.u)
 write "u defined by callee: ",$data(u)," ",u,!
 do def(.u2) write "u2=",u2,!
 do set^xxlib1(.w,"via other")
 write "w=",w,!
 do kl(.a)
 write "after callee kill: ",$data(a),!
 quit
inc(x) set x=x+1 quit
incf(x) set x=x*2 quit x
def(v) set v="made" quit
kl(v) kill v quit
