fnargs2 ;
 set $etrap="write $piece($zstatus,"","",2,3),"" "",$ecode,! set $ecode="""" quit"
 for i=1:1:44 do @("t"_i)
 quit
t1 write $data()
t2 write $data(1)
t3 write $data((x))
t4 write $data($get(x))
t5 write $data(x+1)
t6 write $data(x,)
t7 write $data(x,1)
t8 write $get()
t9 write $get(1)
t10 write $get(x,1,2)
t11 write $order()
t12 write $order(x+1,1)
t13 write $order(x,1,2)
t14 write $query(1)
t15 write $name(1)
t16 write $zprevious(1)
t17 write $next()
t18 write $next(x)
t19 write $next(x(1),1)
t20 write $increment()
t21 write $increment(1)
t22 write $increment(x+1)
t23 write $zahandle(1)
t24 write $zahandle(^x)
t25 write $zahandle((x))
t26 write $text()
t27 write $text(,)
t28 write $text("a")
t29 write $text(-1)
t30 write $text($x)
t31 write $text(a+)
t32 write $text(a,1)
t33 set $piece(x)=1
t34 set $piece()=1
t35 set $piece(1,2)=1
t36 set $extract()=1
t37 set $extract(1)=1
t38 set (a,$piece(x))=1
t39 set $zpiece(x)=1
t40 set $zextract(x,1,2,3)=1
t41 set $piece(x,1,2,3,4)=1
t42 set x=$piece(1)
t43 set x="a,b" set $zpiece(x,",",2)="c",$zextract(x)="Z" write x
t44 write $data(x),$data(@"x"),$get(x(1),"d"),$order(x(""))
