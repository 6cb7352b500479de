 set x="v=""ι""" set @x write $length(v),!
 set x="w=""ÿώ""_$char(200)" set @x write $length(w)," ",$ascii(w,1)," ",$ascii(w,2)," ",$ascii(w,3),!
 set bad=0 for i=128:1:255 set c="y="""_$char(i)_"""" set @c if $length(y)'=1!($ascii(y)'=i) set bad=bad+1
 write "set @: ",bad,!
 set bad=0 for i=128:1:255 set c="z"""_$char(i)_"""" set n="z("""_$char(i)_""")" set @n=i if $get(z($char(i)))'=i set bad=bad+1
 write "subscripts: ",bad,!
 set bad=0 for i=128:1:255 set c="if $char("_i_")="""_$char(i)_"""" xecute c set:'$test bad=bad+1
 write "expressions: ",bad,!
 set x="u" set @x@("ι")=1 set q=$query(u("")) write $data(@q),$length(q),!
 set x="u" write $data(u("ι")),$order(u(""))="ι",!
 set x="""ιθ""" write @x,!
